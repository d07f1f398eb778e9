using System.Text.Json;
using Analyzer.Decoding;
using Analyzer.Output;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Output;

public class RecordWriterTests
{
    private sealed record Sample(long TimeUs, string Host, int Port, string Note, bool Flag, double? Score, string[] Tags);

    private static readonly RecordLayout<Sample> Layout = new("sample",
    [
        new("time", s => Cell.Time(s.TimeUs), EveEnvelope.Timestamp),
        new("host", s => Cell.Text(s.Host), EveEnvelope.SrcIp),
        new("port", s => Cell.Integer(s.Port), EveEnvelope.SrcPort),
        new("note", s => Cell.Untrusted(s.Note)),
        new("flag", s => Cell.Boolean(s.Flag)),
        new("score", s => Cell.Real(s.Score)),
        new("tags", s => Cell.List(s.Tags)),
    ]);

    private static readonly Sample Row = new(1_773_478_800_123_456, "192.168.1.9", 1900, "a\nb,=c", true, null, ["x", "y"]);

    private static string Write(RecordLayout<Sample> layout, OutputFormat format, params Sample[] rows)
    {
        using var dir = new TempDir();
        var path = dir.File("out");
        using (var w = RecordWriters.Open(path, layout, format, flushEachRow: false))
            foreach (var r in rows) w.Write(r);
        return File.ReadAllText(path);
    }

    [Fact]
    public void CsvWritesTheHeaderAndOneCleanedRowPerRecord()
    {
        Assert.Equal(
            "time,host,port,note,flag,score,tags\n2026-03-14T09:00:00.123456Z,192.168.1.9,1900,\"a\\x0Ab,=c\",1,,x; y\n",
            Write(Layout, OutputFormat.Csv, Row));
    }

    [Fact]
    public void AJsonLineHasTheEnvelopeFirstThenTheRecordAsATypedNestedObject()
    {
        Assert.Equal(
            "{\"timestamp\":\"2026-03-14T09:00:00.123456Z\",\"event_type\":\"sample\",\"src_ip\":\"192.168.1.9\",\"src_port\":1900," +
            "\"sample\":{\"note\":\"a\\nb,=c\",\"flag\":true,\"tags\":[\"x\",\"y\"]}}\n",
            Write(Layout, OutputFormat.JsonLines, Row));
    }

    [Fact]
    public void AColumnAddedOnceAppearsInBothFormats()
    {
        var wider = Layout.With(new Column<Sample>("score_pct", s => Cell.Integer(s.Port / 19)));

        Assert.EndsWith(",score_pct", Write(wider, OutputFormat.Csv).TrimEnd('\n'));
        using var doc = JsonDocument.Parse(Write(wider, OutputFormat.JsonLines, Row));
        Assert.Equal(100, doc.RootElement.GetProperty("sample").GetProperty("score_pct").GetInt32());
    }

    [Fact]
    public void AJsonOnlyColumnStaysOutOfTheCsvContract()
    {
        var wider = Layout.With(new Column<Sample>("proto", _ => Cell.Text("UDP"), EveEnvelope.Proto, InCsv: false));

        Assert.Equal("time,host,port,note,flag,score,tags\n", Write(wider, OutputFormat.Csv));
        Assert.Contains("\"src_port\":1900,\"proto\":\"UDP\",\"sample\"", Write(wider, OutputFormat.JsonLines, Row));
    }

    [Fact]
    public void EveryJsonLineIsOneLineEvenWhenTextHoldsLineBreaks()
    {
        var text = Write(Layout, OutputFormat.JsonLines, Row, Row with { Note = "x\r\ny" }, Row);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
    }

    [Fact]
    public void AnEnvelopeKeyOutsideEveIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new RecordLayout<Sample>("sample", [new("x", _ => Cell.Empty, "source")]));
        Assert.StartsWith("x: source is not an envelope key", e.Message);
    }

    [Fact]
    public void AnAlertLineCarriesTheAlertObjectOfTheEveStyle()
    {
        using var dir = new TempDir();
        var path = dir.File("a.jsonl");
        using (var w = new AlertWriter(path, OutputFormat.JsonLines))
            w.OnAlert(new Alert
            {
                TimestampUs = 1_773_478_800_123_456, Rule = "ssdp-overlong-field", Category = AlertCategory.ExploitAttempt,
                Severity = Severity.High, Src = NetAddress.Parse("203.0.113.9"), SrcPort = 4444, Dst = NetAddress.Parse("192.168.1.1"),
                DstPort = 1900, Protocol = "ssdp", Summary = "USN value 400 bytes", Score = 0.123456, File = "x.pcap", Frame = 12,
            });

        Assert.Equal(
            "{\"timestamp\":\"2026-03-14T09:00:00.123456Z\",\"event_type\":\"alert\",\"src_ip\":\"203.0.113.9\",\"src_port\":4444," +
            "\"dest_ip\":\"192.168.1.1\",\"dest_port\":1900,\"app_proto\":\"ssdp\",\"alert\":{\"rule\":\"ssdp-overlong-field\"," +
            "\"category\":\"exploit-attempt\",\"severity\":\"high\",\"summary\":\"USN value 400 bytes\",\"score\":0.1235,\"count\":1," +
            "\"file\":\"x.pcap\",\"frame\":12}}\n",
            File.ReadAllText(path));
    }

    [Theory]
    [InlineData("external_port", "51413", "51413")]
    [InlineData("body_len", "12", "12")]
    [InlineData("callback_1_port", "8080", "8080")]
    [InlineData("arg_NewExternalPort_len", "1100", "1100")]
    [InlineData("doctype", "1", "true")]
    [InlineData("status", "abc", "\"abc\"")]
    [InlineData("h_x_len", "7", "\"7\"")]
    [InlineData("mx", "3", "\"3\"")]
    [InlineData("arg_NewExternalPort", "80", "\"80\"")]
    public void EventFieldsAreNumbersAndFlagsOnlyWhereTheDecoderComputedThem(string name, string value, string json)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            EventFieldTypes.Write(writer, name, value);
            writer.WriteEndObject();
        }

        Assert.Equal($"{{\"{name}\":{json}}}", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
