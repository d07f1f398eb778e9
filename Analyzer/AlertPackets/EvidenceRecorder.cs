
namespace Analyzer.AlertPackets;

/// <summary>
/// Writes, for each alert, the packets that make it as a small pcap in the evidence directory, and hands the alert
/// on with the file named in <see cref="Alert.Evidence"/>. Files are named after the capture, the frame and the
/// rule (<c>home-12-ssdp-overlong-field.pcap</c>), never over an existing file.
/// </summary>
public sealed class EvidenceRecorder(EvidenceBuffer buffer, string directory, IAlertSink next, EvidenceLimits limits, EvidenceStatistics stats) : IAlertSink
{
    /// <summary>Files of one name tried before the alert goes without evidence.</summary>
    public const int MaxNameAttempts = 100;

    /// <summary>The capture being read: alerts of an earlier capture can no longer be shown.</summary>
    public string? CurrentFile { get; set; }

    public void OnAlert(Alert alert) => next.OnAlert(Record(alert) is { } path ? alert with { Evidence = path } : alert);

    private string? Record(Alert alert)
    {
        Flows.FlowKey? connection = null;
        var frames = alert.File == CurrentFile ? buffer.FramesOf(alert, out connection) : null;
        if (frames is null)
        {
            stats.AlertsWithoutPackets++;
            return null;
        }
        long size = PcapFileWriter.Size(frames);
        if (stats.Files >= limits.MaxFiles || stats.Bytes + size > limits.MaxWrittenBytes)
        {
            stats.AlertsOverFileCap++;
            return null;
        }
        string stem = Path.Combine(directory, $"{SafeName(Path.GetFileNameWithoutExtension(CurrentFile ?? "capture"))}-{alert.Frame}-{SafeName(alert.Rule)}");
        try
        {
            for (int attempt = 1; attempt <= MaxNameAttempts; attempt++)
            {
                string path = attempt == 1 ? stem + ".pcap" : $"{stem}-{attempt}.pcap";
                FileStream output;
                try
                {
                    output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
                }
                catch (IOException) when (File.Exists(path))
                {
                    continue;
                }
                using (output) PcapFileWriter.Write(output, buffer.LinkType, frames);
                stats.Files++;
                stats.Bytes += size;
                if (connection is { } c) buffer.Follow(c, path);
                return path;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        stats.WriteFailures++;
        return null;
    }

    /// <summary>
    /// Fails early with a one-line message when the evidence directory cannot be made or written, before any capture
    /// work. Returns null when it can.
    /// </summary>
    public static string? CheckDirectory(string directory)
    {
        try
        {
            if (File.Exists(directory)) return $"--evidence {directory}: is a file, not a directory";
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-check-{Environment.ProcessId}");
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"--evidence {directory}: cannot write: {e.Message}";
        }
    }

    /// <summary>Letters, digits, '-', '_' and '.' kept; anything else becomes '_'.</summary>
    private static string SafeName(string name) =>
        string.Create(Math.Min(name.Length, 80), name, static (span, n) =>
        {
            for (int i = 0; i < span.Length; i++)
                span[i] = char.IsAsciiLetterOrDigit(n[i]) || n[i] is '-' or '_' or '.' ? n[i] : '_';
        });
}
