namespace Analyzer.Capture;

/// <summary>
/// Expands the paths given on the command line: files are taken as they are (and rejected later, by content, if
/// they are not captures); directories are searched recursively for files whose first bytes are pcap or pcapng.
/// </summary>
public static class CaptureInputs
{
    public static (List<string> Files, List<string> Errors) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var errors = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsCapture)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0) errors.Add($"{path}: no pcap or pcapng files in this directory");
                files.AddRange(found);
            }
            else
            {
                errors.Add($"{path}: no such file or directory");
            }
        }
        return (files, errors);
    }

    private static bool IsCapture(string file)
    {
        try
        {
            return CaptureFormat.DetectFile(file) != CaptureKind.Unknown;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
