using Analyzer.Learning;

namespace Analyzer.Tests.Learning;

/// <summary>The hashes the committed model's distinct counts were trained with must never change.</summary>
public class StableHashTests
{
    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(0UL, 0xC0A80109UL)]
    [InlineData(0xFE80000000000000UL, 0x01FFFE234567890AUL)]
    [InlineData(ulong.MaxValue, ulong.MaxValue)]
    [InlineData(0x0123456789ABCDEFUL, 0xFEDCBA9876543210UL)]
    public void A128BitValueIsHashedByteByByteFromTheLowest(ulong high, ulong low)
    {
        var value = new UInt128(high, low);
        ulong expected = 14695981039346656037;
        for (int i = 0; i < 16; i++) expected = (expected ^ (byte)(value >> (8 * i))) * 1099511628211;
        Assert.Equal(expected, StableHash.Of(value));
    }

    [Fact]
    public void TheHashesAreTheSameInEveryProcess()
    {
        Assert.Equal(0xCBF29CE484222325UL, StableHash.Of(""));
        Assert.Equal(StableHash.Of((UInt128)7), StableHash.Of(7L));
    }
}
