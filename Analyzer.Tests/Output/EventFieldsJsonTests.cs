using System.Buffers;
using System.Text.Json;
using Analyzer.Output;

namespace Analyzer.Tests.Output;

/// <summary>The event log's fields cell is written byte for byte as the JSON writer with the same options writes it.</summary>
public class EventFieldsJsonTests
{
    private sealed record FieldsEvent(IReadOnlyList<KeyValuePair<string, string>> Pairs) : AnalyzerEvent(new PacketInfo())
    {
        public override string Protocol => "test";
        public override string Message => "TEST";
        public override IEnumerable<KeyValuePair<string, string>> Fields() => Pairs;
    }

    public static readonly TheoryData<string> Values = new()
    {
        "", "ssdp:all", "239.255.255.250:1900", "\"ssdp:discover\"", "a\\b", "max-age=1800", "<a href='x'>&amp;</a>",
        "+1 `x`", "tab\there", "line\nbreak\r\n", "\u0000\u0001\u001f\u007f", "caf\u00e9", "\u00a0\u00ad", "\u2028\u2029",
        "\ud83d\ude00", "lone \ud800 high", "lone \udc00 low", "\ufeff\ufffd\uffff", "\u0378 unassigned", "\u4e2d\u6587",
        "Linux/3.10.96+, UPnP/1.0, eSSDP/0.1", new string('x', 5000),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void AValueIsWrittenAsTheJsonWriterWritesIt(string value)
    {
        var e = new FieldsEvent([new("st", value), new("h_x-" + value, "1")]);
        Assert.Equal(WithJsonWriter(e), Direct(e));
    }

    [Fact]
    public void EveryCharacterOfTheFirstPlanesIsWrittenAsTheJsonWriterWritesIt()
    {
        var pairs = Enumerable.Range(0, 0x3000).Select(c => new KeyValuePair<string, string>("c" + c, "<" + (char)c + ">")).ToList();
        var e = new FieldsEvent(pairs);
        Assert.Equal(WithJsonWriter(e), Direct(e));
    }

    [Fact]
    public void NoFieldsIsAnEmptyObject()
    {
        Assert.Equal("{}"u8.ToArray(), Direct(new FieldsEvent([])));
    }

    private static byte[] Direct(AnalyzerEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(16);
        EventFieldsJson.WriteText(buffer, e);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] WithJsonWriter(AnalyzerEvent e)
    {
        var ms = new MemoryStream();
        using (var json = new Utf8JsonWriter(ms, EventFieldsJson.Options))
        {
            json.WriteStartObject();
            foreach (var (name, value) in e.Fields())
                json.WriteString(name, value);
            json.WriteEndObject();
        }
        return ms.ToArray();
    }
}
