using Analyzer.Decoding.Http;
using Analyzer.Rules.Text;

namespace Analyzer.Tests.Rules;

public class UrlPartsTests
{
    [Theory]
    [InlineData("http://192.168.1.1:5000/rootDesc.xml", "192.168.1.1", "192.168.1.1", 5000, "/rootDesc.xml")]
    [InlineData("http://[fe80::9bd:81dd:2fdc:5750]:2869/upnphost/udhisapi.dll?content=uuid:93", "fe80::9bd:81dd:2fdc:5750", "fe80::9bd:81dd:2fdc:5750", 2869, "/upnphost/udhisapi.dll?content=uuid:93")]
    [InlineData("http://[fe80::1%25eth0]:80/d.xml", "fe80::1%25eth0", "fe80::1", 80, "/d.xml")]
    [InlineData("https://10.37.0.5/HNAP1/", "10.37.0.5", "10.37.0.5", 443, "/HNAP1/")]
    [InlineData("http://nas.local:5000", "nas.local", "", 5000, "/")]
    [InlineData("http://1.2:80/x", "1.2", "", 80, "/x")]
    [InlineData(" HTTP://user@192.168.1.9/a ", "192.168.1.9", "192.168.1.9", 80, "/a")]
    public void AUrlSplitsIntoHostAddressPortAndPath(string text, string host, string address, int port, string path)
    {
        Assert.True(UrlParts.TryParse(text, out var url));
        Assert.Equal((host, address, port, path), (url.Host, url.Address?.ToString() ?? "", url.Port, url.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/rootDesc.xml")]
    [InlineData("http://")]
    [InlineData("http://192.168.1.1:99999/")]
    [InlineData("http://192.168.1.1:50x/")]
    [InlineData("http://[fe80::1/")]
    public void TextThatIsNoAbsoluteUrlIsRefused(string text) => Assert.False(UrlParts.TryParse(text, out _));
}
