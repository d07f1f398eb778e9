using System.Text;

namespace Analyzer.Tests.Rules.Support;

/// <summary>Splits one RFC 4180 line (quoted cells, doubled quotes) into cells.</summary>
public static class CsvLine
{
    public static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>The rows of a CSV file with a header line, as column → value maps.</summary>
    public static List<Dictionary<string, string>> Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = Split(lines[0]);
        return lines[1..].Select(l => header.Zip(Split(l)).ToDictionary(x => x.First, x => x.Second)).ToList();
    }
}
