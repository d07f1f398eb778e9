using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Analyzer.Learning;

/// <summary>
/// One block of an ML.NET model repository (a <c>Model.key</c> entry of the zip ML.NET writes): a 256-byte header
/// (signature, model signature and version, where the model bytes lie) and the model bytes. Only what reading the
/// detector and the category trees without ML.NET needs; a block of another kind is not opened.
/// </summary>
internal static class MlNetModelKey
{
    private const int HeaderSize = 0x100;
    private const ulong FileSignature = 0x4C45444F4D004C4DUL;   // "ML\0MODEL"
    /// <summary>Largest <c>Model.key</c> read (the committed ones are under 100 KiB).</summary>
    public const long MaxBlockBytes = AnomalyModel.MaxModelEntryBytes;

    /// <summary>The bytes of an entry of a repository zip, or null when it is absent or too large.</summary>
    public static byte[]? Entry(ZipArchive repository, string name)
    {
        var entry = repository.GetEntry(name);
        if (entry is null || entry.Length > MaxBlockBytes) return null;
        var bytes = new byte[entry.Length];
        using var stream = entry.Open();
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// A reader over the model bytes of <paramref name="block"/> when its model signature is
    /// <paramref name="signature"/> (ML.NET's eight characters, a space standing for a zero byte); null otherwise.
    /// </summary>
    public static BinaryReader? Open(byte[]? block, string signature, out uint versionWritten)
    {
        versionWritten = 0;
        if (block is null || block.Length < HeaderSize) return null;
        var header = block.AsSpan(0, HeaderSize);
        if (BinaryPrimitives.ReadUInt64LittleEndian(header) != FileSignature) return null;
        if (!header.Slice(0x40, 8).SequenceEqual(Encoding.ASCII.GetBytes(signature.Replace(' ', '\0')))) return null;
        long start = BinaryPrimitives.ReadInt64LittleEndian(header[0x10..]);
        long length = BinaryPrimitives.ReadInt64LittleEndian(header[0x18..]);
        if (start < HeaderSize || length < 0 || start > block.Length || length > block.Length - start) return null;
        versionWritten = BinaryPrimitives.ReadUInt32LittleEndian(header[0x48..]);
        return new BinaryReader(new MemoryStream(block, (int)start, (int)length, writable: false));
    }

    /// <summary>An array written as a count then its items; null for a count of zero (as ML.NET writes an absent one).</summary>
    public static T[]? ReadArray<T>(BinaryReader reader) where T : unmanaged => ReadArray<T>(reader, reader.ReadInt32());

    /// <summary><paramref name="count"/> items; null for zero, as ML.NET reads it.</summary>
    /// <exception cref="InvalidDataException">The count is negative or larger than what is left of the block.</exception>
    public static T[]? ReadArray<T>(BinaryReader reader, int count) where T : unmanaged
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        long left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (count < 0 || (long)count * size > left) throw new InvalidDataException("array longer than its block");
        if (count == 0) return null;
        var items = new T[count];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(items.AsSpan()));
        return items;
    }
}
