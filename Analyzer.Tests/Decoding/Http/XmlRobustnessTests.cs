using System.Text;
using Analyzer.Decoding.Description;
using Analyzer.Decoding.Cast;
using Analyzer.Decoding.Dial;
using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Soap;

namespace Analyzer.Tests.Decoding.Http;

/// <summary>Every XML and JSON reader of the HTTP family returns, whatever the bytes: malformed input is evidence, not an exception.</summary>
public class XmlRobustnessTests
{
    public static TheoryData<byte[]> NastyBodies()
    {
        var data = new TheoryData<byte[]>
        {
            Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"x-unknown-charset\"?><root/>"),
            Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"gb2312\"?><root><device/></root>"),
            Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><root/>"),
            new byte[] { 0xFF, 0xFE, 0x3C, 0x00, 0x72 },
            new byte[] { 0xEF, 0xBB, 0xBF, 0x3C, 0x72, 0xC3, 0x28, 0x3E },
            Encoding.ASCII.GetBytes("<root>\0\u0001\u0002</root>"),
            Encoding.ASCII.GetBytes("<a xmlns:p=\"x\"><p:b p:c=\"1\" p:c=\"2\"/></a>"),
            Encoding.ASCII.GetBytes("<!DOCTYPE r SYSTEM \"http://198.51.100.1/evil.dtd\"><r>&ext;</r>"),
            Encoding.ASCII.GetBytes("<?xml-stylesheet href=\"x\"?><!-- c --><root/><root/>"),
            Encoding.ASCII.GetBytes("<" + new string('n', 100_000) + "/>"),
            Encoding.ASCII.GetBytes("{\"params\":" + new string('[', 5000) + "}"),
            Encoding.ASCII.GetBytes("{\"a\":\"\\ud800\",\"b\":1e999999,\"c\":-0}"),
            Array.Empty<byte>(),
        };
        var random = new Random(1);
        for (int i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            if (i % 2 == 0) bytes[0] = (byte)'<';
            data.Add(bytes);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NastyBodies))]
    public void NoReaderThrows(byte[] body)
    {
        SoapEnvelopeParser.Parse(body);
        GenaPropertySetParser.Parse(body, out _, out _);
        DeviceDescriptionParser.Parse(body);
        DialAppStatusParser.Parse(body, out _);
        CastJson.Flatten(body, out _, out _);
    }

    [Fact]
    public void ABadEncodingIsEvidenceNotAnException()
    {
        var envelope = SoapEnvelopeParser.Parse(Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"x-unknown-charset\"?><s:Envelope/>"));
        Assert.NotNull(envelope.Evidence.Error);
    }
}
