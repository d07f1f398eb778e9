using System.Buffers.Binary;
using Analyzer.Decoding.Link;

namespace Analyzer.AlertPackets;

/// <summary>Writes frames as a classic pcap file (microsecond timestamps), the format every capture tool opens.</summary>
public static class PcapFileWriter
{
    public const int GlobalHeaderBytes = 24;
    public const int RecordHeaderBytes = 16;
    /// <summary>The snap length written in the header, libpcap's maximum.</summary>
    public const int SnapLength = 262_144;

    public static long Size(IReadOnlyList<EvidenceFrame> frames)
    {
        long size = GlobalHeaderBytes;
        foreach (var f in frames) size += RecordHeaderBytes + f.Data.Length;
        return size;
    }

    public static void Write(Stream output, LinkType linkType, IEnumerable<EvidenceFrame> frames)
    {
        Span<byte> header = stackalloc byte[GlobalHeaderBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], SnapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)linkType);
        output.Write(header);
        foreach (var f in frames) WriteRecord(output, f);
    }

    /// <summary>Appends one frame to a pcap file written by <see cref="Write"/>.</summary>
    public static void WriteRecord(Stream output, EvidenceFrame f)
    {
        Span<byte> record = stackalloc byte[RecordHeaderBytes];
        {
            long seconds = Math.DivRem(f.TimestampUs, 1_000_000, out long micros);
            if (micros < 0) { seconds--; micros += 1_000_000; }
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)seconds);
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)micros);
            BinaryPrimitives.WriteInt32LittleEndian(record[8..], f.Data.Length);
            BinaryPrimitives.WriteInt32LittleEndian(record[12..], f.Data.Length);
            output.Write(record);
            output.Write(f.Data);
        }
    }
}
