using System.Text;
using Analyzer.Decoding.Http;

namespace Analyzer.Tests.Decoding.Http;

public class HttpPartsTests
{
    [Theory]
    [InlineData("1a", 0x1A)]
    [InlineData("1A\r", 0x1A)]
    [InlineData("0", 0)]
    [InlineData("ff;name=value", 0xFF)]
    [InlineData("  10 ; x", 0x10)]
    [InlineData("80000000", 0x80000000L)]
    [InlineData("ffffffffffffffffffff", long.MaxValue)]
    public void AChunkSizeLineGivesItsSize(string line, long size)
    {
        Assert.True(ChunkSizeLine.TryParse(Encoding.ASCII.GetBytes(line), out long parsed));
        Assert.Equal(size, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("-1")]
    [InlineData("12 34")]
    public void AMalformedChunkSizeLineIsRejected(string line) =>
        Assert.False(ChunkSizeLine.TryParse(Encoding.ASCII.GetBytes(line), out _));

    [Theory]
    [InlineData("GET ", HttpStartProbeResult.Yes)]
    [InlineData("M-POST /x", HttpStartProbeResult.Yes)]
    [InlineData("HTTP/1.0 200", HttpStartProbeResult.Yes)]
    [InlineData("SUBSC", HttpStartProbeResult.NeedMore)]
    [InlineData("H", HttpStartProbeResult.NeedMore)]
    [InlineData("", HttpStartProbeResult.NeedMore)]
    [InlineData("GETX", HttpStartProbeResult.No)]
    [InlineData("\u0016\u0003\u0001", HttpStartProbeResult.No)]
    [InlineData("SSH-2.0", HttpStartProbeResult.No)]
    [InlineData("HTTP/2 200", HttpStartProbeResult.No)]
    public void TheStartProbeRecognizesMessageStarts(string text, HttpStartProbeResult expected) =>
        Assert.Equal((int)expected, (int)HttpStartProbe.Probe(Encoding.Latin1.GetBytes(text)));

    [Theory]
    [InlineData("POST /ctrlt/DeviceUpgrade_1 HTTP/1.1\r\nContent-Length: 10\r\n\r\n", "SoapCandidate")]
    [InlineData("POST /upnp/control/WANPPPConn1 HTTP/1.1\r\nContent-Type: text/xml; charset=\"utf-8\"\r\n\r\n", "SoapCandidate")]
    [InlineData("POST /x HTTP/1.1\r\nContent-Type: application/soap+xml\r\n\r\n", "SoapCandidate")]
    [InlineData("POST /ctl/IPConn HTTP/1.1\r\nSOAPAction: \"urn:schemas-upnp-org:service:WANIPConnection:1#GetExternalIPAddress\"\r\n\r\n", "Soap")]
    [InlineData("POST /login.cgi HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n", "Post")]
    [InlineData("POST / HTTP/1.1\r\nContent-Type: application/ocsp-request\r\n\r\n", "Post")]
    [InlineData("POST /upload HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=b\r\n\r\n", "Post")]
    [InlineData("POST /apps/YouTube HTTP/1.1\r\nContent-Length: 13\r\n\r\n", "Dial")]
    [InlineData("POST /setup/reboot HTTP/1.1\r\nContent-Length: 17\r\n\r\n", "Cast")]
    [InlineData("PUT /x HTTP/1.1\r\nContent-Type: text/xml\r\n\r\n", "Other")]
    public void APostWithoutSoapActionIsASoapCandidateOnlyWhenItsBodyMayBeXmlAndOtherwiseAPlainPost(string head, string kind)
    {
        var bytes = Encoding.Latin1.GetBytes(head);
        var parsed = new HttpHead();
        Assert.Equal(Analyzer.Decoding.ParseStatus.Ok, parsed.Parse(bytes));
        Assert.Equal(kind, HttpClassifier.ClassifyRequest(bytes, parsed, "/apps/").ToString());
    }

    public enum HttpStartProbeResult { No, NeedMore, Yes }
}
