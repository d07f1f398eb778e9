namespace Analyzer.Output;

/// <summary>Writes rows of one record type to one output, in one format.</summary>
public interface IRecordWriter<T> : IDisposable
{
    void Write(T row);

    /// <summary>Pushes written rows to the file, so a reader following it sees them.</summary>
    void Flush();
}
