using Analyzer.Decoding.Description;
using Analyzer.Decoding.Dial;
using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Soap;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// Regression (fuzzing, soap case 139289012): <c>&lt;?xml version="1.0\x8A"?&gt;</c> made System.Xml throw
/// ArgumentOutOfRangeException, not XmlException; it escaped every XML body parser and, in the pipeline, became a
/// decode.exception in the middle of a TCP stream. The parsers now read it as unreadable XML.
/// </summary>
public class XmlDeclarationNonAsciiVersionTests
{
    // The reader fails only when the declaration ends the data, as in a body of exactly these 22 bytes.
    private static readonly byte[] Body = [.. "<?xml version=\"1.0"u8, 0x8A, .. "\"?>"u8];

    [Fact]
    public void TheSoapParserReportsAnXmlErrorInsteadOfThrowing()
    {
        var envelope = SoapEnvelopeParser.Parse(Body);

        Assert.Equal("unreadable XML (ArgumentOutOfRangeException)", envelope.Evidence.Error);
        Assert.False(envelope.HasEnvelope);
    }

    [Fact]
    public void TheGenaParserReportsAnXmlErrorInsteadOfThrowing()
    {
        var properties = GenaPropertySetParser.Parse(Body, out int total, out var evidence);

        Assert.Empty(properties);
        Assert.Equal(0, total);
        Assert.Equal("unreadable XML (ArgumentOutOfRangeException)", evidence.Error);
    }

    [Fact]
    public void TheDialParserReportsAnXmlErrorInsteadOfThrowing()
    {
        var status = DialAppStatusParser.Parse(Body, out var evidence);

        Assert.Null(status);
        Assert.Equal("unreadable XML (ArgumentOutOfRangeException)", evidence.Error);
    }

    [Fact]
    public void TheDescriptionParserReturnsNothingInsteadOfThrowing()
    {
        Assert.Null(DeviceDescriptionParser.Parse(Body));
    }

    [Fact]
    public void TheRegressionCaptureDecodesWithoutADecoderException()
    {
        var run = PipelineRunner.Analyze(RegressionFixtures.PathOf(RegressionFixtures.XmlDeclarationNonAsciiVersion));

        Assert.False(run.Statistics.AnomaliesById.ContainsKey("decode.exception"));
        Assert.Equal(2, run.Statistics.MessagesByProtocol["soap"]);
    }
}
