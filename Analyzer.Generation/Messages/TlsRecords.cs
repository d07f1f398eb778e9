using System.Buffers.Binary;
using System.Text;
using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Messages;

/// <summary>
/// TLS 1.3-shaped background traffic (RFC 8446): a well-formed ClientHello and ServerHello, the compatibility
/// ChangeCipherSpec, and application-data records of random bytes. Nothing is encrypted; the records only need to
/// look and parse like the HTTPS and CASTV2 sessions a home network carries.
/// </summary>
public static class TlsRecords
{
    private const byte ContentChangeCipherSpec = 20;
    private const byte ContentHandshake = 22;
    private const byte ContentApplicationData = 23;

    public static byte[] ClientHello(GenerationRandom random, string? serverName)
    {
        using var body = new MemoryStream();
        Write16(body, 0x0303);
        body.Write(random.Bytes(32));
        body.WriteByte(32);
        body.Write(random.Bytes(32));
        ushort[] suites = [0x1301, 0x1302, 0x1303, 0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8];
        Write16(body, (ushort)(suites.Length * 2));
        foreach (ushort suite in suites) Write16(body, suite);
        body.WriteByte(1);
        body.WriteByte(0);

        using var extensions = new MemoryStream();
        if (serverName is not null)
        {
            byte[] name = Encoding.ASCII.GetBytes(serverName);
            using var sni = new MemoryStream();
            Write16(sni, (ushort)(name.Length + 3));
            sni.WriteByte(0);
            Write16(sni, (ushort)name.Length);
            sni.Write(name);
            Extension(extensions, 0x0000, sni.ToArray());
        }
        Extension(extensions, 0x000A, [0x00, 0x06, 0x00, 0x1D, 0x00, 0x17, 0x00, 0x18]);
        Extension(extensions, 0x000B, [0x01, 0x00]);
        Extension(extensions, 0x000D, [0x00, 0x08, 0x04, 0x03, 0x08, 0x04, 0x04, 0x01, 0x05, 0x03]);
        Extension(extensions, 0x0010, [0x00, 0x0C, 0x02, (byte)'h', (byte)'2', 0x08, .. "http/1.1"u8]);
        Extension(extensions, 0x002B, [0x04, 0x03, 0x04, 0x03, 0x03]);
        Extension(extensions, 0x002D, [0x01, 0x01]);
        Extension(extensions, 0x0033, [0x00, 0x24, 0x00, 0x1D, 0x00, 0x20, .. random.Bytes(32)]);
        Write16(body, (ushort)extensions.Length);
        extensions.WriteTo(body);
        return Record(ContentHandshake, 0x0301, Handshake(1, body.ToArray()));
    }

    /// <summary>ServerHello, ChangeCipherSpec, then encrypted-looking handshake records (certificate, finished).</summary>
    public static byte[] ServerHelloFlight(GenerationRandom random, int encryptedBytes)
    {
        using var body = new MemoryStream();
        Write16(body, 0x0303);
        body.Write(random.Bytes(32));
        body.WriteByte(32);
        body.Write(random.Bytes(32));
        Write16(body, 0x1301);
        body.WriteByte(0);
        using var extensions = new MemoryStream();
        Extension(extensions, 0x002B, [0x03, 0x04]);
        Extension(extensions, 0x0033, [0x00, 0x1D, 0x00, 0x20, .. random.Bytes(32)]);
        Write16(body, (ushort)extensions.Length);
        extensions.WriteTo(body);
        return
        [
            .. Record(ContentHandshake, 0x0303, Handshake(2, body.ToArray())),
            .. ChangeCipherSpec(),
            .. ApplicationData(random, encryptedBytes),
        ];
    }

    public static byte[] ChangeCipherSpec() => Record(ContentChangeCipherSpec, 0x0303, [1]);

    /// <summary>One application-data record of <paramref name="length"/> random bytes (at most 16 KiB + 256).</summary>
    public static byte[] ApplicationData(GenerationRandom random, int length) =>
        Record(ContentApplicationData, 0x0303, random.Bytes(Math.Min(length, 16384 + 256)));

    private static byte[] Handshake(byte type, byte[] body)
    {
        var bytes = new byte[4 + body.Length];
        bytes[0] = type;
        bytes[1] = (byte)(body.Length >> 16);
        bytes[2] = (byte)(body.Length >> 8);
        bytes[3] = (byte)body.Length;
        body.CopyTo(bytes, 4);
        return bytes;
    }

    private static byte[] Record(byte contentType, ushort version, byte[] fragment)
    {
        var bytes = new byte[5 + fragment.Length];
        bytes[0] = contentType;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(1), version);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(3), (ushort)fragment.Length);
        fragment.CopyTo(bytes, 5);
        return bytes;
    }

    private static void Extension(Stream stream, ushort type, byte[] data)
    {
        Write16(stream, type);
        Write16(stream, (ushort)data.Length);
        stream.Write(data);
    }

    private static void Write16(Stream stream, ushort value)
    {
        stream.WriteByte((byte)(value >> 8));
        stream.WriteByte((byte)value);
    }
}
