using Analyzer.Rules.Banners;

namespace Analyzer.Tests.Rules.Banners;

public class BannerParserTests
{
    [Theory]
    [MemberData(nameof(BannerParsingData.Banners), MemberType = typeof(BannerParsingData))]
    public void ABannerNamesItsStackAndVersion(string banner, string stack, string version)
    {
        var parsed = BannerParser.Parse(banner);

        Assert.NotNull(parsed);
        Assert.Equal(stack, parsed.Stack);
        Assert.Equal(version, parsed.Version?.Text ?? "");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Unspecified, UPnP/1.0, Unspecified")]
    [InlineData("UPnP/1.0")]
    public void ABannerWithoutAProductNamesNothing(string banner) => Assert.Null(BannerParser.Parse(banner));

    [Theory]
    [MemberData(nameof(BannerParsingData.Vulnerable), MemberType = typeof(BannerParsingData))]
    public void AStackVersionCarriesTheCvesOfItsRange(string banner, string cves)
    {
        var (found, _) = KnownVulnerabilities.For(BannerParser.Parse(banner));

        Assert.Equal(cves, found.Count == 0 ? "-" : string.Join(',', found));
    }

    [Theory]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("1.8.20141022", "1.8", 1)]
    [InlineData("1.4", "1.4.20101221", -1)]
    [InlineData("2.1", "2.1.0", 0)]
    [InlineData("1.6.18-rc1", "1.6.18", 0)]
    public void VersionsCompareAsNumbersPartByPart(string a, string b, int sign) =>
        Assert.Equal(sign, Math.Sign(StackVersion.Parse(a).CompareTo(StackVersion.Parse(b))));

    [Theory]
    [InlineData("")]
    [InlineData("x1.0")]
    [InlineData(".5")]
    public void TextThatDoesNotStartWithANumberIsNoVersion(string text) => Assert.False(StackVersion.TryParse(text, out _));
}
