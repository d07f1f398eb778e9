using Analyzer.Events;

namespace Analyzer.Output;

/// <summary>
/// One typed value of a record, as a column gives it to a writer. A struct, so describing a row allocates nothing
/// beyond what the value itself needs.
/// </summary>
public readonly struct Cell
{
    private readonly object? _ref;
    private readonly long _integer;
    private readonly double _real;

    private Cell(CellKind kind, object? reference, long integer = 0, double real = 0)
    {
        Kind = kind;
        _ref = reference;
        _integer = integer;
        _real = real;
    }

    public CellKind Kind { get; }

    public static Cell Empty => default;

    public static Cell Text(string? value) => value is null ? default : new(CellKind.Text, value);

    public static Cell Untrusted(string? value) => value is null ? default : new(CellKind.UntrustedText, value);

    public static Cell Integer(long value) => new(CellKind.Integer, null, value);

    public static Cell Integer(long? value) => value is { } v ? new(CellKind.Integer, null, v) : default;

    public static Cell Real(double? value) => value is { } v ? new(CellKind.Real, null, real: v) : default;

    public static Cell Boolean(bool value) => new(CellKind.Boolean, null, value ? 1 : 0);

    public static Cell Time(long unixMicros) => new(CellKind.Time, null, unixMicros);

    public static Cell List(IEnumerable<string> values) => new(CellKind.List, values);

    public static Cell Fields(AnalyzerEvent e) => new(CellKind.EventFields, e);

    public string AsText => (string)_ref!;
    public long AsInteger => _integer;
    public double AsReal => _real;
    public bool AsBoolean => _integer != 0;
    public IEnumerable<string> AsList => (IEnumerable<string>)_ref!;
    public AnalyzerEvent AsEvent => (AnalyzerEvent)_ref!;
}
