using CsvHelper;

namespace Analyzer.Output;

/// <summary>The CSV dialect of every output file: RFC 4180, invariant culture, formula-looking cells escaped.</summary>
public static class CsvOutput
{
    /// <summary>Between the items of a list in one cell (CVEs, service types, URLs).</summary>
    public const string ListSeparator = "; ";

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
            if (Directory.Exists(full)) return $"{path}: cannot create this output file: it is a directory";
            var dir = Path.GetDirectoryName(full);
            if (dir is not null && !Directory.Exists(dir)) return $"{path}: cannot create this output file: directory {dir} does not exist";
            using (new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite)) { }
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"{path}: cannot create this output file: permission denied";
        }
        catch (FileNotFoundException)
        {
            // The directory exists but refuses a new entry (/proc, /sys): the kernel answers "no such file".
            return $"{path}: cannot create this output file: {Path.GetDirectoryName(Path.GetFullPath(path))} does not accept new files";
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            return $"{path}: cannot create this output file: {Reason(e.Message)}";
        }
    }

    /// <summary>The system's reason without the path .NET appends to it (" : '/x/y.csv'").</summary>
    private static string Reason(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        int at = line.IndexOf(" : '", StringComparison.Ordinal);
        var reason = (at > 0 ? line[..at] : line).TrimEnd('.', ' ');
        return reason.Length > 0 ? char.ToLowerInvariant(reason[0]) + reason[1..] : "unknown error";
    }
}
