using System.Buffers.Binary;

namespace Analyzer.Capture;

/// <summary>
/// Says what is wrong with the file header of a capture the capture library refused to open, in the project's
/// words: which part of the header, the value found and the value expected.
/// </summary>
public static class CaptureHeaderCheck
{
    /// <summary>pcap's global header: magic, version, zone, accuracy, snap length, link type.</summary>
    public const int PcapHeaderBytes = 24;

    /// <summary>The smallest pcapng Section Header Block: type, length, byte-order mark, version, section length, length.</summary>
    public const int PcapNgMinSectionHeaderBytes = 28;

    /// <summary>libpcap's limit on a Section Header Block (BT_SHB_INSANE_MAX).</summary>
    public const int PcapNgMaxSectionHeaderBytes = 1024 * 1024;

    private const uint ByteOrderMark = 0x1A2B3C4D;

    public static string Describe(string path, CaptureKind kind)
    {
        Span<byte> head = stackalloc byte[PcapNgMinSectionHeaderBytes];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        return kind == CaptureKind.PcapNg ? PcapNg(head) : Pcap(head);
    }

    private static string Pcap(ReadOnlySpan<byte> head)
    {
        if (head.Length < PcapHeaderBytes)
            return $"damaged pcap file header: the file ends after {head.Length} of its {PcapHeaderBytes} bytes";
        bool little = BinaryPrimitives.ReadUInt32LittleEndian(head) is CaptureFormat.PcapMicros or CaptureFormat.PcapNanos;
        ushort major = Read16(head[4..], little), minor = Read16(head[6..], little);
        if (major != 2) return $"damaged pcap file header: format version {major}.{minor} (a pcap file has 2.4)";
        return "damaged pcap file header: not readable as pcap (magic and version are right, the rest is not)";
    }

    private static string PcapNg(ReadOnlySpan<byte> head)
    {
        if (head.Length < PcapNgMinSectionHeaderBytes)
            return $"damaged pcapng section header: the file ends after {head.Length} of its first {PcapNgMinSectionHeaderBytes} bytes";
        uint mark = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
        bool little = mark == ByteOrderMark;
        if (!little && BinaryPrimitives.ReverseEndianness(mark) != ByteOrderMark)
            return $"damaged pcapng section header: byte-order mark 0x{mark:X8} (expected 0x{ByteOrderMark:X8} in either byte order)";
        uint length = little ? BinaryPrimitives.ReadUInt32LittleEndian(head[4..]) : BinaryPrimitives.ReadUInt32BigEndian(head[4..]);
        if (length < PcapNgMinSectionHeaderBytes || length > PcapNgMaxSectionHeaderBytes || length % 4 != 0)
            return $"damaged pcapng section header: block length {length} (expected a multiple of 4 from {PcapNgMinSectionHeaderBytes} to {PcapNgMaxSectionHeaderBytes})";
        ushort major = Read16(head[12..], little), minor = Read16(head[14..], little);
        if (major != 1) return $"damaged pcapng section header: format version {major}.{minor} (a pcapng file has 1.0)";
        return "damaged pcapng section header: not readable as pcapng (byte order, length and version are right, the rest is not)";
    }

    private static ushort Read16(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);
}
