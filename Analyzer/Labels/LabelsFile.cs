using System.Globalization;
using System.Text;

namespace Analyzer.Labels;

/// <summary>
/// Reads and writes <c>labels.csv</c> (format in samples/pcaps/README.md): RFC 4180 CSV with a header line, columns
/// <c>file,label,scenario,attacker,victim,start,end,note</c>. The reader also takes hand-made files: only
/// <c>file</c> and <c>label</c> are required, columns may come in any order, names are case-insensitive, unknown
/// columns are ignored, blank lines and lines starting with '#' are skipped.
/// </summary>
public static class LabelsFile
{
    public const string FileName = "labels.csv";
    public static IReadOnlyList<string> Columns { get; } = ["file", "label", "scenario", "attacker", "victim", "start", "end", "note"];
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    /// <summary>Longest line accepted, so that a wrong file (a pcap given by mistake) fails fast.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <exception cref="LabelsFormatException">A row is malformed or a label unknown.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<LabelRow> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader);
    }

    /// <exception cref="LabelsFormatException">A row is malformed or a label unknown.</exception>
    public static IReadOnlyList<LabelRow> Read(TextReader reader)
    {
        var rows = new List<LabelRow>();
        Dictionary<string, int>? columns = null;
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length > MaxLineLength) throw new LabelsFormatException(lineNumber, $"line longer than {MaxLineLength} characters");
            if (line.Length == 0 || line.AsSpan().Trim().IsEmpty || line.StartsWith('#')) continue;
            int firstLine = lineNumber;
            // A quoted field may hold line breaks: keep reading until the quotes balance.
            while (QuotesOpen(line))
            {
                string? next = reader.ReadLine() ?? throw new LabelsFormatException(firstLine, "unterminated quoted field");
                lineNumber++;
                line += "\n" + next;
            }
            var fields = SplitFields(line, firstLine);
            if (columns is null)
            {
                columns = Header(fields, firstLine);
                continue;
            }
            rows.Add(Row(fields, columns, firstLine));
        }
        if (columns is null) throw new LabelsFormatException(Math.Max(lineNumber, 1), "no header line");
        return rows;
    }

    public static void Write(string path, IEnumerable<LabelRow> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(writer, rows);
    }

    /// <summary>Header, then one line per row; LF line ends, invariant culture.</summary>
    public static void Write(TextWriter writer, IEnumerable<LabelRow> rows)
    {
        writer.Write(string.Join(',', Columns));
        writer.Write('\n');
        foreach (var row in rows)
        {
            string[] fields =
            [
                row.File, row.Label, row.Scenario, row.Attacker, row.Victim, FormatTime(row.Start), FormatTime(row.End), row.Note,
            ];
            writer.Write(string.Join(',', fields.Select(Quote)));
            writer.Write('\n');
        }
    }

    public static string FormatTime(DateTime? time) =>
        time is { } t ? t.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture) : "";

    private static Dictionary<string, int> Header(List<string> fields, int line)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < fields.Count; i++)
        {
            string name = fields[i].Trim();
            if (name.Length > 0 && !columns.TryAdd(name, i)) throw new LabelsFormatException(line, $"column '{name}' appears twice");
        }
        if (!columns.ContainsKey("file") || !columns.ContainsKey("label"))
            throw new LabelsFormatException(line, "the header must name at least the columns 'file' and 'label'");
        return columns;
    }

    private static LabelRow Row(List<string> fields, Dictionary<string, int> columns, int line)
    {
        string Field(string name) => columns.TryGetValue(name, out int i) && i < fields.Count ? fields[i].Trim() : "";

        string file = Field("file"), label = Field("label");
        if (file.Length == 0) throw new LabelsFormatException(line, "empty file name");
        if (!LabelNames.IsKnown(label))
            throw new LabelsFormatException(line, $"unknown label '{label}' (expected benign, mixed or one of {string.Join(", ", LabelNames.Categories)})");
        var start = ParseTime(Field("start"), "start", line);
        var end = ParseTime(Field("end"), "end", line);
        if (start > end) throw new LabelsFormatException(line, "start is after end");
        return new LabelRow(file, label, Field("scenario"), Field("attacker"), Field("victim"), start, end, Field("note"));
    }

    private static DateTime? ParseTime(string text, string column, int line)
    {
        if (text.Length == 0) return null;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                out var time))
            return time;
        throw new LabelsFormatException(line, $"{column} '{text}' is not an ISO-8601 time");
    }

    private static bool QuotesOpen(string line)
    {
        bool open = false;
        foreach (char c in line) if (c == '"') open = !open;
        return open;
    }

    private static List<string> SplitFields(string line, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length) throw new LabelsFormatException(lineNumber, "unterminated quoted field");
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                if (i < line.Length && line[i] != ',') throw new LabelsFormatException(lineNumber, "text after a closing quote");
            }
            else
            {
                while (i < line.Length && line[i] != ',') field.Append(line[i++]);
            }
            fields.Add(field.ToString());
            if (i >= line.Length) return fields;
            i++; // the comma
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
