namespace Analyzer.Census;

/// <summary>The cells of one output record by CSV column name, whether it was read from a CSV row or a JSON record.</summary>
public interface IRecordFields
{
    /// <summary>The cell's text; empty when the record lacks it.</summary>
    string this[string column] { get; }

    IReadOnlyList<string> List(string column);

    /// <summary>The cell as microseconds since the epoch; throws <see cref="CensusInputException"/> when it is no time.</summary>
    long Time(string column);
}
