using System.Buffers.Binary;

namespace Analyzer.Tests.Support;

/// <summary>Builds small classic-pcap files byte by byte, so tests control every header (link type, lengths).</summary>
public sealed class PcapBuilder(int linkType, int snapLength = 65535)
{
    private readonly MemoryStream _records = new();

    public int Count { get; private set; }

    public PcapBuilder Add(byte[] frame, long unixMicros = 1_700_000_000_000_000, int? capturedLength = null, int? originalLength = null)
    {
        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)(unixMicros / 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(unixMicros % 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)(capturedLength ?? frame.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)(originalLength ?? frame.Length));
        _records.Write(header);
        _records.Write(frame);
        Count++;
        return this;
    }

    public byte[] ToArray()
    {
        var global = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(global, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(global.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(global.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(global.AsSpan(16), (uint)snapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(global.AsSpan(20), (uint)linkType);
        return [.. global, .. _records.ToArray()];
    }

    public string WriteTo(string path)
    {
        File.WriteAllBytes(path, ToArray());
        return path;
    }
}
