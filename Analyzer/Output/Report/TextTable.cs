using System.Text;

namespace Analyzer.Output.Report;

/// <summary>A table for the terminal: a header, rows, columns padded to their widest cell, numbers aligned right.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly bool[] _right = new bool[headers.Length];

    /// <summary>Aligns the given columns to the right (counts, shares).</summary>
    public TextTable Right(params int[] columns)
    {
        foreach (int c in columns) _right[c] = true;
        return this;
    }

    public void Add(params string[] cells) => _rows.Add(cells);

    public int Count => _rows.Count;

    public void WriteTo(TextWriter writer, string indent = "  ")
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in _rows)
            for (int i = 0; i < widths.Length && i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        WriteRow(writer, indent, headers, widths);
        WriteRow(writer, indent, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in _rows) WriteRow(writer, indent, row, widths);
    }

    private void WriteRow(TextWriter writer, string indent, string[] cells, int[] widths)
    {
        var line = new StringBuilder(indent);
        for (int i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : "";
            if (i > 0) line.Append("  ");
            line.Append(_right[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        }
        writer.WriteLine(line.ToString().TrimEnd());
    }
}
