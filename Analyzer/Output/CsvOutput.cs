using CsvHelper;

namespace Analyzer.Output;

/// <summary>The CSV dialect of every output file: RFC 4180, invariant culture, formula-looking cells escaped.</summary>
public static class CsvOutput
{
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        NewLine = "\n",
    };

    /// <summary>Opens an output file; "-" means standard output.</summary>
    public static CsvWriter Open(string path) =>
        path == "-"
            ? CsvWriter.Create(Console.OpenStandardOutput(), Options, leaveOpen: false)
            : CsvWriter.ToFile(path, Options);

    /// <summary>
    /// Fails early with a one-line message when an output path cannot be written, before any capture work.
    /// Returns null when it can.
    /// </summary>
    public static string? CheckWritable(string path)
    {
        if (path == "-") return null;
        try
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full)) return $"{path}: is a directory";
            var dir = Path.GetDirectoryName(full);
            if (dir is not null && !Directory.Exists(dir)) return $"{path}: directory {dir} does not exist";
            using (new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite)) { }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{path}: cannot write: {e.Message}";
        }
    }
}
