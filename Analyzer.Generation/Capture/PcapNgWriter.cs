using System.Buffers.Binary;
using PacketDotNet;

namespace Analyzer.Generation.Capture;

/// <summary>
/// Writes pcapng (draft-ietf-opsawg-pcapng) with one Section Header Block, one Interface Description Block and one
/// Enhanced Packet Block per frame, little-endian. libpcap's dumper (and so SharpPcap's writer) can only write
/// classic pcap, hence this writer.
/// </summary>
/// <remarks>
/// <code>
/// SHB: type 0x0A0D0D0A | total length | byte-order magic 0x1A2B3C4D | major 1 | minor 0 | section length -1 (64 bit)
///      | options | total length
/// IDB: type 1 | total length | link type (16) | reserved (16) | snap length | options | total length
/// EPB: type 6 | total length | interface id | timestamp high | timestamp low | captured length | original length
///      | packet data padded to 32 bits | options | total length
/// </code>
/// Timestamps are microseconds, the default when the IDB has no if_tsresol option.
/// </remarks>
public sealed class PcapNgWriter : ICaptureFileWriter
{
    public const int DefaultSnapLength = 65535;
    private const uint SectionHeaderType = 0x0A0D0D0A;
    private const uint InterfaceDescriptionType = 1;
    private const uint EnhancedPacketType = 6;
    private const uint ByteOrderMagic = 0x1A2B3C4D;
    private const ushort OptionEnd = 0;
    private const ushort ShbUserApplication = 4;
    private const ushort IfName = 2;
    private const string Application = "analyzer generate";

    private readonly Stream _stream;

    /// <exception cref="CaptureWriterException">The file cannot be created.</exception>
    public PcapNgWriter(string path, LinkLayers linkType, string interfaceName, int snapLength = DefaultSnapLength)
    {
        try
        {
            _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CaptureWriterException($"cannot create {path}: {e.Message}", e);
        }
        WriteSectionHeader();
        WriteInterfaceDescription((ushort)linkType, (uint)snapLength, interfaceName);
    }

    /// <summary>Writes to a stream the caller owns; used by tests.</summary>
    public PcapNgWriter(Stream stream, LinkLayers linkType, string interfaceName, int snapLength = DefaultSnapLength)
    {
        _stream = stream;
        WriteSectionHeader();
        WriteInterfaceDescription((ushort)linkType, (uint)snapLength, interfaceName);
    }

    public void Write(GeneratedFrame frame)
    {
        int padded = Pad4(frame.Data.Length);
        int total = 28 + padded + 4;
        var block = new byte[total];
        var span = block.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, EnhancedPacketType);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)total);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], 0);
        ulong timestamp = (ulong)frame.TimestampUs;
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], (uint)(timestamp >> 32));
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)timestamp);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], (uint)frame.Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)frame.Data.Length);
        frame.Data.CopyTo(span[28..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(total - 4)..], (uint)total);
        _stream.Write(block);
    }

    public void Dispose() => _stream.Dispose();

    private void WriteSectionHeader()
    {
        byte[] options = Options((ShbUserApplication, Application));
        int total = 24 + options.Length + 4;
        var block = new byte[total];
        var span = block.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, SectionHeaderType);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)total);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], ByteOrderMagic);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[14..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], -1);
        options.CopyTo(span[24..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(total - 4)..], (uint)total);
        _stream.Write(block);
    }

    private void WriteInterfaceDescription(ushort linkType, uint snapLength, string interfaceName)
    {
        byte[] options = Options((IfName, interfaceName));
        int total = 16 + options.Length + 4;
        var block = new byte[total];
        var span = block.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, InterfaceDescriptionType);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)total);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], linkType);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], snapLength);
        options.CopyTo(span[16..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(total - 4)..], (uint)total);
        _stream.Write(block);
    }

    /// <summary>Text options (code, length, UTF-8 value padded to 32 bits) followed by opt_endofopt.</summary>
    private static byte[] Options(params (ushort Code, string Value)[] options)
    {
        using var buffer = new MemoryStream();
        Span<byte> head = stackalloc byte[4];
        foreach (var (code, value) in options)
        {
            byte[] text = System.Text.Encoding.UTF8.GetBytes(value);
            BinaryPrimitives.WriteUInt16LittleEndian(head, code);
            BinaryPrimitives.WriteUInt16LittleEndian(head[2..], (ushort)text.Length);
            buffer.Write(head);
            buffer.Write(text);
            buffer.Write(new byte[Pad4(text.Length) - text.Length]);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(head, OptionEnd);
        buffer.Write(head);
        return buffer.ToArray();
    }

    private static int Pad4(int length) => (length + 3) & ~3;
}
