using System.Buffers.Binary;
using System.Text;

namespace Analyzer.Publishing;

/// <summary>
/// One record in a spool segment file, in one of two layouts:
/// <code>
///   magic u16 'U' 'R' | type u8 | sequence i64 LE | length u32 LE | JSON (length bytes) | FNV-1a u32 LE
///   magic u16 'U' 'K' | type u8 | sequence i64 LE | length u32 LE | capture length u8 | capture (ASCII)
///                     | index i64 LE | JSON (length bytes) | FNV-1a u32 LE
/// </code>
/// The second carries the <see cref="RecordKey"/> of an offline run's record; a live sensor's records (and spools
/// written before keys existed) use the first. The checksum covers everything after the magic up to the JSON, so a
/// record cut short by a crash, or overwritten, is recognised and the segment is read up to the last whole record.
/// </summary>
public static class SpoolFrame
{
    public const ushort Magic = 0x5255;
    public const ushort KeyedMagic = 0x4B55;
    public const int MagicLength = 2;
    public const int TypeOffset = MagicLength;
    public const int SequenceOffset = TypeOffset + 1;
    public const int LengthOffset = SequenceOffset + 8;
    public const int HeaderLength = LengthOffset + 4;
    public const int ChecksumLength = 4;
    public const int Overhead = HeaderLength + ChecksumLength;
    /// <summary>Bytes a key adds besides its capture's characters: the capture length and the index.</summary>
    public const int KeyOverhead = 1 + 8;

    public static int SizeOf(int jsonLength) => Overhead + jsonLength;

    public static int SizeOf(in SpooledRecord record) =>
        SizeOf(record.Json.Length) + (record.Key is { } key ? KeyOverhead + key.Capture.Length : 0);

    public static void Write(Stream stream, in SpooledRecord record)
    {
        Span<byte> header = stackalloc byte[HeaderLength + KeyOverhead + RecordKey.MaxCaptureLength];
        int length = HeaderLength;
        BinaryPrimitives.WriteUInt16LittleEndian(header, record.Key is null ? Magic : KeyedMagic);
        header[TypeOffset] = (byte)record.Type;
        BinaryPrimitives.WriteInt64LittleEndian(header[SequenceOffset..], record.Sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(header[LengthOffset..], (uint)record.Json.Length);
        if (record.Key is { } key)
        {
            if (!RecordKey.IsValidCapture(key.Capture)) throw new ArgumentException("capture key must be 1 to 64 printable ASCII characters");
            header[length++] = (byte)key.Capture.Length;
            length += Encoding.ASCII.GetBytes(key.Capture, header[length..]);
            BinaryPrimitives.WriteInt64LittleEndian(header[length..], key.Index);
            length += 8;
        }
        header = header[..length];
        uint hash = Fnv1a(Fnv1a(FnvOffset, header[TypeOffset..]), record.Json);
        Span<byte> trailer = stackalloc byte[ChecksumLength];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, hash);
        stream.Write(header);
        stream.Write(record.Json);
        stream.Write(trailer);
    }

    /// <summary>
    /// Reads the next record; false at a clean end or at a damaged record (cut short, bad magic, type, length, key or
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
        Span<byte> header = stackalloc byte[HeaderLength + KeyOverhead + RecordKey.MaxCaptureLength];
        stream.ReadExactly(header[..HeaderLength]);
        ushort magic = BinaryPrimitives.ReadUInt16LittleEndian(header);
        if (magic is not (Magic or KeyedMagic) || !RecordTypes.IsDefined(header[TypeOffset])) return false;
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(header[LengthOffset..]);
        int headerLength = HeaderLength;
        RecordKey? key = null;
        if (magic == KeyedMagic)
        {
            if (remaining < Overhead + KeyOverhead) return false;
            stream.ReadExactly(header.Slice(headerLength, 1));
            int captureLength = header[headerLength++];
            if (captureLength is 0 or > RecordKey.MaxCaptureLength || remaining < Overhead + KeyOverhead + captureLength) return false;
            stream.ReadExactly(header.Slice(headerLength, captureLength + 8));
            var capture = Encoding.ASCII.GetString(header.Slice(headerLength, captureLength));
            headerLength += captureLength;
            long index = BinaryPrimitives.ReadInt64LittleEndian(header[headerLength..]);
            headerLength += 8;
            if (!RecordKey.IsValidCapture(capture)) return false;
            key = new RecordKey(capture, index);
        }
        if (length > PublisherOptions.MaxRecordBytes || length > remaining - Overhead - (headerLength - HeaderLength)) return false;
        var json = new byte[length];
        stream.ReadExactly(json);
        Span<byte> trailer = stackalloc byte[ChecksumLength];
        stream.ReadExactly(trailer);
        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer) != Fnv1a(Fnv1a(FnvOffset, header[TypeOffset..headerLength]), json)) return false;
        damaged = false;
        record = new SpooledRecord((RecordType)header[TypeOffset], BinaryPrimitives.ReadInt64LittleEndian(header[SequenceOffset..]), json, key);
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
