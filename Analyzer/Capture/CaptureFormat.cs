using System.Buffers.Binary;

namespace Analyzer.Capture;

/// <summary>Recognizes capture files by their first bytes, never by their names.</summary>
public static class CaptureFormat
{
    public const uint PcapMicros = 0xA1B2C3D4;
    public const uint PcapNanos = 0xA1B23C4D;
    public const uint PcapNgSectionHeader = 0x0A0D0D0A;

    public static CaptureKind Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4) return CaptureKind.Unknown;
        uint le = BinaryPrimitives.ReadUInt32LittleEndian(head);
        uint be = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (le is PcapMicros or PcapNanos || be is PcapMicros or PcapNanos) return CaptureKind.Pcap;
        if (le == PcapNgSectionHeader) return CaptureKind.PcapNg;
        return CaptureKind.Unknown;
    }

    public static CaptureKind DetectFile(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Detect(head[..read]);
    }
}
