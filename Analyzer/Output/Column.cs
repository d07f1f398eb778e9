using System.Text.Json;

namespace Analyzer.Output;

/// <summary>
/// One column of a record type: its name, how to get its value from a row, and where it goes in a JSON line
/// (a top-level key of the EVE envelope such as <c>src_ip</c>, or by default a key of the record's nested object).
/// </summary>
/// <param name="Name">The CSV header name, and the JSON key inside the nested object.</param>
/// <param name="Value">Reads the value from a row; called once per row and writer, so it must not allocate needlessly.</param>
/// <param name="Envelope">The top-level JSON key (<see cref="EveEnvelope"/>) this column fills instead, or null.</param>
/// <param name="InCsv">False for a JSON-only column, kept out of CSV files whose columns are a contract.</param>
public sealed record Column<T>(string Name, Func<T, Cell> Value, string? Envelope = null, bool InCsv = true)
{
    public JsonEncodedText JsonName { get; } = JsonEncodedText.Encode(Envelope ?? Name);
}
