using System.Text;
using Analyzer.Output;
using CsvHelper;

namespace Analyzer.Tests.Output;

/// <summary>The direct CSV writer writes, byte for byte, what CsvHelper writes with the output dialect.</summary>
public class CsvFileWriterTests
{
    public static readonly TheoryData<string> Fields = new()
    {
        "", "a", " a", "a ", "  ", "a,b", ",", "a\"b", "\"", "\"\"", "a\nb", "\n", "a\rb", "a\r\nb", "a\tb",
        "=1", "@x", "+1", "-1", "-", "=", "\t1", "\r1", "=a,b", "=a\"b", "=\n", "a=1", " =1", "'x", "|a", "%a", "#a",
        "a\\b", "a;b", "\u00e9t\u00e9", "x\u00a0", "a\u2028b", "\u0000", "\ud83d\ude00", "lone \ud800 surrogate",
        "{\"st\":\"ssdp:all\",\"usn\":\"uuid:1::x\"}", "192.168.1.9", "2026-03-14T09:00:00.123456Z",
        new string('x', CsvFileWriter.BufferBytes + 10), "\"" + new string(',', CsvFileWriter.BufferBytes) + "\"",
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void ATextFieldIsWrittenAsCsvHelperWritesIt(string field)
    {
        Assert.Equal(CsvHelperBytes([field, "x"]), Ours(w => { w.WriteField(field); w.WriteField("x"); }));
        Assert.Equal(CsvHelperBytes(["x", field]), Ours(w => { w.WriteField("x"); w.WriteField(Encoding.UTF8.GetBytes(field)); }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1900)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void ANumberIsWrittenAsCsvHelperWritesItsText(long value)
    {
        Assert.Equal(CsvHelperBytes([value.ToString(System.Globalization.CultureInfo.InvariantCulture)]), Ours(w => w.WriteField(value)));
    }

    [Fact]
    public void ManyRowsAcrossTheBufferGiveTheSameFile()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => new[] { i.ToString(), $"row {i}, \"quoted\"", i % 7 == 0 ? "=formula" : "" }).ToArray();
        var ms = new MemoryStream();
        using (var w = new CsvFileWriter(ms))
            foreach (var r in rows) w.WriteRecord(r);
        Assert.Equal(CsvHelperRows(rows), ms.ToArray());
    }

    [Fact]
    public void FlushPutsTheRowsWrittenSoFarInTheStream()
    {
        var ms = new MemoryStream();
        using var w = new CsvFileWriter(ms);
        w.WriteRecord(["a", "b"]);
        Assert.Equal(0, ms.Length);
        w.Flush();
        Assert.Equal("a,b\n"u8.ToArray(), ms.ToArray());
    }

    private static byte[] Ours(Action<CsvFileWriter> write)
    {
        var ms = new MemoryStream();
        using (var w = new CsvFileWriter(ms))
        {
            write(w);
            w.EndRecord();
        }
        return ms.ToArray();
    }

    private static byte[] CsvHelperBytes(string[] row) => CsvHelperRows([row]);

    private static byte[] CsvHelperRows(string[][] rows)
    {
        var ms = new MemoryStream();
        using (var csv = CsvWriter.Create(ms, CsvOutput.Options, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                foreach (var f in row) csv.WriteField(f);
                csv.EndRecord();
            }
            csv.Flush();
        }
        return ms.ToArray();
    }
}
