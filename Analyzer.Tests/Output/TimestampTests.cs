using System.Text;

namespace Analyzer.Tests.Output;

public class TimestampTests
{
    [Theory]
    [InlineData(0L, "1970-01-01T00:00:00.000000Z")]
    [InlineData(1_773_478_800_123_456L, "2026-03-14T09:00:00.123456Z")]
    [InlineData(1_773_478_800_000_007L, "2026-03-14T09:00:00.000007Z")]
    [InlineData(-1L, "1969-12-31T23:59:59.999999Z")]
    public void TheBytesAreTheTextOfTheString(long unixMicros, string expected)
    {
        Span<byte> bytes = stackalloc byte[Timestamp.MaxUtf8Bytes];
        int n = Timestamp.FormatUtf8(unixMicros, bytes);
        Assert.Equal(expected, Encoding.ASCII.GetString(bytes[..n]));
        Assert.Equal(expected, Timestamp.Format(unixMicros));
    }
}
