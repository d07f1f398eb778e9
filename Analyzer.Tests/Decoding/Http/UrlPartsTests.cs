using Analyzer.Decoding.Http;

namespace Analyzer.Tests.Decoding.Http;

public class UrlPartsTests
{
    [Theory]
    [InlineData("http://192.168.1.1:5000/rootDesc.xml", "192.168.1.1", "192.168.1.1", 5000, "/rootDesc.xml")]
    [InlineData("http://[fe80::9bd:81dd:2fdc:5750]:2869/upnphost/udhisapi.dll?content=uuid:93", "fe80::9bd:81dd:2fdc:5750", "fe80::9bd:81dd:2fdc:5750", 2869, "/upnphost/udhisapi.dll?content=uuid:93")]
    [InlineData("http://[fe80::1%25eth0]:80/d.xml", "fe80::1%25eth0", "fe80::1", 80, "/d.xml")]
    [InlineData("http://[fe80::1%eth0]/d.xml", "fe80::1%eth0", "fe80::1", 80, "/d.xml")]
    [InlineData("http://[::1]:/d.xml", "::1", "::1", 80, "/d.xml")]
    [InlineData("https://10.37.0.5/HNAP1/", "10.37.0.5", "10.37.0.5", 443, "/HNAP1/")]
    [InlineData("http://nas.local:5000", "nas.local", "", 5000, "/")]
    [InlineData("http://nas.local:", "nas.local", "", 80, "/")]
    [InlineData("http://1.2:80/x", "1.2", "", 80, "/x")]
    [InlineData("http://1/x", "1", "", 80, "/x")]
    [InlineData("ftp://10.0.0.1?q", "10.0.0.1", "10.0.0.1", 80, "?q")]
    [InlineData(" HTTP://user@192.168.1.9/a ", "192.168.1.9", "192.168.1.9", 80, "/a")]
    [InlineData("http://user:p@ss@10.0.0.2:8080#frag", "10.0.0.2", "10.0.0.2", 8080, "#frag")]
    [InlineData("http://fe80::1:80/x", "fe80::1", "fe80::1", 80, "/x")]
    [InlineData("http://10.0.0.1>/x", "10.0.0.1>", "", 80, "/x")]
    public void AUrlSplitsIntoHostAddressPortAndPath(string text, string host, string address, int port, string path)
    {
        Assert.True(UrlParts.TryParse(text, out var url));
        Assert.Equal((host, address, port, path), (url.Host, url.Address?.ToString() ?? "", url.Port, url.Path));
    }

    [Fact]
    public void ReadingTheSameTextAgainOrAnotherInTurnGivesEachItsOwnParts()
    {
        string a = "http://10.0.0.1:5000/a.xml", b = "http://router.local/b.xml", bad = "no url";
        for (int i = 0; i < 2; i++)
        {
            Assert.True(UrlParts.TryParse(a, out var ua));
            Assert.Equal(("10.0.0.1", 5000, "/a.xml", "10.0.0.1"), (ua.Host, ua.Port, ua.Path, ua.Address?.ToString()));
            Assert.True(UrlParts.TryParse(a, out ua));
            Assert.Equal("10.0.0.1", ua.Address?.ToString());
            Assert.False(UrlParts.TryParse(bad, out var ubad));
            Assert.Equal(default, ubad);
            Assert.Equal(("http", "10.0.0.1", 5000), (UrlParts.Read(a).Scheme, UrlParts.Read(a).Host, UrlParts.Read(a).Port));
            Assert.Equal(("", "", 0, bad), (UrlParts.Read(bad).Scheme, UrlParts.Read(bad).Host, UrlParts.Read(bad).Port, UrlParts.Read(bad).Path));
            Assert.True(UrlParts.TryParse(b, out var ub));
            Assert.Equal(("router.local", 80, "/b.xml", null), (ub.Host, ub.Port, ub.Path, ub.Address));
        }
    }

    [Fact]
    public void TheStrictReadingLowerCasesTheScheme()
    {
        Assert.True(UrlParts.TryParse("HTTPS://Router.Local/x", out var url));
        Assert.Equal(("https", "Router.Local", 443), (url.Scheme, url.Host, url.Port));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/rootDesc.xml")]
    [InlineData("192.168.1.1:5000/rootDesc.xml")]
    [InlineData("://192.168.1.1/")]
    [InlineData("http://")]
    [InlineData("http:///path")]
    [InlineData("http://user@/path")]
    [InlineData("http://192.168.1.1:99999/")]
    [InlineData("http://192.168.1.1:0/")]
    [InlineData("http://192.168.1.1:50x/")]
    [InlineData("http://192.168.1.1:-1/")]
    [InlineData("http://[fe80::1/")]
    [InlineData("http://[fe80::1]x/")]
    [InlineData("http://[]/")]
    public void TextThatIsNoAbsoluteUrlIsRefused(string? text) => Assert.False(UrlParts.TryParse(text, out _));

    [Theory]
    [InlineData("http://192.168.1.20:2869/upnp/eventing/abc", "http", "192.168.1.20", 2869, "/upnp/eventing/abc")]
    [InlineData("http://[fe80::1%25eth0]:49152/x?y", "http", "fe80::1%25eth0", 49152, "/x?y")]
    [InlineData("HTTP://Printer.local", "HTTP", "Printer.local", 80, "")]
    [InlineData("https://user:pw@cloud.example/cb", "https", "cloud.example", 443, "/cb")]
    [InlineData("ftp://10.0.0.1/f", "ftp", "10.0.0.1", 0, "/f")]
    [InlineData("http://1.2.3.4:5000AAAA", "http", "1.2.3.4", -1, "")]
    [InlineData("http://1.2.3.4:99999/", "http", "1.2.3.4", -1, "/")]
    [InlineData("http://1.2.3.4:/", "http", "1.2.3.4", -1, "/")]
    [InlineData("http://1.2.3.4:0/", "http", "1.2.3.4", 0, "/")]
    [InlineData("http://[fe80::1/x", "http", "fe80::1", 80, "/x")]
    [InlineData("http://[fe80::1]junk/x", "http", "fe80::1", 80, "/x")]
    [InlineData("://10.0.0.1/", "", "10.0.0.1", 0, "/")]
    [InlineData("http://", "http", "", 80, "")]
    [InlineData("/relative/path", "", "", 0, "/relative/path")]
    [InlineData(" no url ", "", "", 0, " no url ")]
    public void TheLenientReadingKeepsWhatItCan(string text, string scheme, string host, int port, string path)
    {
        var url = UrlParts.Read(text);
        Assert.Equal((scheme, host, port, path), (url.Scheme, url.Host, url.Port, url.Path));
    }
}
