using Analyzer.Decoding.Link;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Analyzer.Capture;

/// <summary>
/// Reads a pcap or pcapng file with libpcap's pull loop (STYLE.md §5) and hands each frame to a consumer without
/// copying. A file that ends in the middle of a record stops the loop with an error after the packets before it;
/// the caller still gets every one of them.
/// </summary>
public sealed class PcapFileSource(string path)
{
    public string Path { get; } = path;

    /// <summary>Bytes of the file, for progress reporting.</summary>
    public long FileSize => new FileInfo(Path).Length;

    // Built for the error message only, not at every start: it takes enum reflection and LINQ.
    private static string SupportedLinkTypes() =>
        string.Join(", ", Enum.GetValues<LinkType>().Select(t => $"{(int)t} {t}"));

    public CaptureResult Run(IFrameConsumer consumer, Action<long, long>? progress = null, CancellationToken cancel = default)
    {
        if (!File.Exists(Path))
            return new CaptureResult(Path, 0, 0, Directory.Exists(Path) ? "is a directory" : "no such file");
        CaptureKind kind;
        try
        {
            kind = CaptureFormat.DetectFile(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CaptureResult(Path, 0, 0, LibPcapErrors.OneLine(e.Message));
        }
        if (kind == CaptureKind.Unknown)
            return new CaptureResult(Path, 0, 0, FileSize < 4 ? $"not a capture file: only {FileSize} bytes" : "not a pcap or pcapng file (unrecognized first bytes)");

        CaptureFileReaderDevice device;
        try
        {
            device = new CaptureFileReaderDevice(Path);
            device.Open();
        }
        catch (Exception e) when (LibPcapErrors.IsMissingLibrary(e))
        {
            throw new CaptureException(LibPcapErrors.Missing, e);
        }
        catch (PcapException)
        {
            return new CaptureResult(Path, 0, 0, CaptureHeaderCheck.Describe(Path, kind));
        }

        using (device)
        {
            var linkType = (LinkType)(int)device.LinkType;
            if (!Enum.IsDefined(linkType))
                return new CaptureResult(Path, 0, 0, $"unsupported link type {(int)linkType} (supported: {SupportedLinkTypes()})");
            long packets = 0, bytes = 0, backwards = 0, firstBackwards = 0;
            long lastTs = long.MinValue;
            GetPacketStatus status;
            while ((status = device.GetNextPacket(out PacketCapture capture)) == GetPacketStatus.PacketRead)
            {
                packets++;
                var data = capture.Data;
                bytes += data.Length;
                var tv = capture.Header.Timeval;
                long tsUs = (long)tv.Seconds * 1_000_000 + (long)tv.MicroSeconds;
                if (tsUs < lastTs && backwards++ == 0) firstBackwards = packets;
                lastTs = Math.Max(lastTs, tsUs);
                consumer.OnFrame(linkType, tsUs, data, data.Length);
                // Often enough that a small capture shows progress too; the reporter itself limits how often it draws.
                if (progress is not null && (packets & 0xFFF) == 0) progress(packets, bytes);
                if ((packets & 0x3FF) == 0 && cancel.IsCancellationRequested) break;
            }
            progress?.Invoke(packets, bytes);
            var warnings = backwards == 0
                ? []
                : new[] { $"time goes backwards at packet {firstBackwards} ({backwards} packet{(backwards == 1 ? "" : "s")} earlier than one before them); analyzed in file order" };
            // libpcap itself cuts records longer than the file's snap length and rejects impossible ones (over 256 KiB).
            string? error = status == GetPacketStatus.Error
                ? $"damaged after {packets} packet{(packets == 1 ? "" : "s")}: {LibPcapErrors.OneLine(device.LastError)}"
                : null;
            return new CaptureResult(Path, packets, bytes, error) { Warnings = warnings };
        }
    }
}
