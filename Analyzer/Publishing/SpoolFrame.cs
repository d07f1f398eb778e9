using System.Buffers.Binary;

namespace Analyzer.Publishing;

/// <summary>
/// One record in a spool segment file:
/// <code>
///   magic u16 'U' 'R' | type u8 | sequence i64 LE | length u32 LE | JSON (length bytes) | FNV-1a u32 LE
/// </code>
/// The checksum covers type through JSON, so a record cut short by a crash, or overwritten, is recognised and the
/// segment is read up to the last whole record.
/// </summary>
public static class SpoolFrame
{
    public const ushort Magic = 0x5255;
    public const int MagicLength = 2;
    public const int TypeOffset = MagicLength;
    public const int SequenceOffset = TypeOffset + 1;
    public const int LengthOffset = SequenceOffset + 8;
    public const int HeaderLength = LengthOffset + 4;
    public const int ChecksumLength = 4;
    public const int Overhead = HeaderLength + ChecksumLength;

    public static int SizeOf(int jsonLength) => Overhead + jsonLength;

    public static void Write(Stream stream, in SpooledRecord record)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteUInt16LittleEndian(header, Magic);
        header[TypeOffset] = (byte)record.Type;
        BinaryPrimitives.WriteInt64LittleEndian(header[SequenceOffset..], record.Sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(header[LengthOffset..], (uint)record.Json.Length);
        uint hash = Fnv1a(Fnv1a(FnvOffset, header[TypeOffset..]), record.Json);
        Span<byte> trailer = stackalloc byte[ChecksumLength];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, hash);
        stream.Write(header);
        stream.Write(record.Json);
        stream.Write(trailer);
    }

    /// <summary>
    /// Reads the next record; false at a clean end or at a damaged record (cut short, bad magic, type, length or
    /// checksum), with <paramref name="damaged"/> telling which.
    /// </summary>
    public static bool TryRead(Stream stream, long limit, out SpooledRecord record, out bool damaged)
    {
        record = default;
        damaged = false;
        long remaining = limit - stream.Position;
        if (remaining <= 0) return false;
        damaged = true;
        if (remaining < Overhead) return false;
        Span<byte> header = stackalloc byte[HeaderLength];
        stream.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt16LittleEndian(header) != Magic || !RecordTypes.IsDefined(header[TypeOffset])) return false;
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(header[LengthOffset..]);
        if (length > PublisherOptions.MaxRecordBytes || length > remaining - Overhead) return false;
        var json = new byte[length];
        stream.ReadExactly(json);
        Span<byte> trailer = stackalloc byte[ChecksumLength];
        stream.ReadExactly(trailer);
        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer) != Fnv1a(Fnv1a(FnvOffset, header[TypeOffset..]), json)) return false;
        damaged = false;
        record = new SpooledRecord((RecordType)header[TypeOffset], BinaryPrimitives.ReadInt64LittleEndian(header[SequenceOffset..]), json);
        return true;
    }

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    private static uint Fnv1a(uint hash, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) hash = (hash ^ b) * FnvPrime;
        return hash;
    }
}
