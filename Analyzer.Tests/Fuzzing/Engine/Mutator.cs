using System.Buffers.Binary;
using System.Text;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// Byte-level mutations of a seed, in the spirit of AFL/libFuzzer: bit flips, interesting bytes, inserts, deletes,
/// truncation, splicing with another seed, header (line) duplication, length-field corruption (binary and decimal),
/// block copies and repeats, and tokens that matter to the decoders (CRLF, chunk sizes, XML markup, entities).
/// Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class Mutator
{
    private static readonly byte[] InterestingBytes = [0, 1, 0x7F, 0x80, 0xFF, (byte)'\r', (byte)'\n', (byte)':', (byte)' ', (byte)'<', (byte)'>', (byte)'&', (byte)'"', (byte)'%', (byte)';', 0x09];

    private static readonly uint[] InterestingNumbers = [0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE];

    private static readonly string[] InterestingDecimals =
        ["0", "-1", "1", "65535", "65536", "2147483647", "2147483648", "4294967296", "99999999999999999999", "0x10", "1e9", "", " ", "+5", "00000000000000000001", "-0"];

    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "\r\n", "\r\n\r\n", "\n", "\r", "\0", ":", ": ", " ", "\t", ",", ";", "\"", "<", ">", "</", "/>", "&", "&amp;", "&x;", "&#0;", "&#xFFFFFFFF;",
            "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>", "<!DOCTYPE a [<!ENTITY x \"yyyyyyyyyy\">]>", "<!ENTITY % p SYSTEM \"http://x/\">",
            "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>", "</s:Body></s:Envelope>",
            "<e:propertyset xmlns:e=\"urn:schemas-upnp-org:event-1-0\"><e:property>", "</e:property></e:propertyset>",
            "Content-Length: 99999999999\r\n", "Content-Length: -1\r\n", "Content-Length: 0\r\n", "Transfer-Encoding: chunked\r\n",
            "ffffffffffffffff\r\n", "0\r\n\r\n", "7fffffff;ext=\"x\"\r\n",
            "SOAPACTION: \"urn:schemas-upnp-org:service:WANIPConnection:1#AddPortMapping\"\r\n",
            "NT: upnp:event\r\n", "NTS: upnp:propchange\r\n", "SID: uuid:x\r\n", "CALLBACK: <http://10.0.0.1:1/a><http://[::1]:80/>\r\n",
            "HTTP/1.1 200 OK\r\n", "POST / HTTP/1.1\r\n", "M-SEARCH * HTTP/1.1\r\n", "NOTIFY * HTTP/1.1\r\n",
            "ST: ssdp:all\r\n", "MX: 99999\r\n", "USN: uuid:", "LOCATION: http://", "Application-URL: ", "{", "}", "[", "]", "\":\"", "\\u0000", "\\",
        }.Select(Encoding.Latin1.GetBytes),
    ];

    /// <summary>Returns a mutated copy of <paramref name="input"/>, at most <paramref name="maxLength"/> bytes long.</summary>
    public static byte[] Mutate(Random rng, byte[] input, IReadOnlyList<byte[]> corpus, int maxLength)
    {
        var data = new List<byte>(input);
        // Mostly a few mutations (near misses reach deep code), sometimes many (havoc).
        int count = rng.Next(4) == 0 ? 1 + rng.Next(24) : 1 + rng.Next(3);
        for (int i = 0; i < count; i++) Apply(rng, data, corpus);
        if (data.Count > maxLength) data.RemoveRange(maxLength, data.Count - maxLength);
        return [.. data];
    }

    private static void Apply(Random rng, List<byte> data, IReadOnlyList<byte[]> corpus)
    {
        int op = rng.Next(12);
        if (data.Count == 0 && op is not (2 or 3 or 6)) op = 3;
        switch (op)
        {
            case 0: // bit flip
                data[Position(rng, data)] ^= (byte)(1 << rng.Next(8));
                break;
            case 1: // interesting byte
                data[Position(rng, data)] = InterestingBytes[rng.Next(InterestingBytes.Length)];
                break;
            case 2: // random bytes inserted
            {
                var bytes = new byte[1 + rng.Next(16)];
                rng.NextBytes(bytes);
                data.InsertRange(rng.Next(data.Count + 1), bytes);
                break;
            }
            case 3: // a token inserted
                data.InsertRange(rng.Next(data.Count + 1), Tokens[rng.Next(Tokens.Length)]);
                break;
            case 4: // a range deleted
            {
                int at = Position(rng, data);
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + rng.Next(rng.Next(2) == 0 ? 8 : 256)));
                break;
            }
            case 5: // truncation
            {
                int keep = rng.Next(data.Count);
                data.RemoveRange(keep, data.Count - keep);
                break;
            }
            case 6: // splice: this seed's head, another one's tail
            {
                if (corpus.Count == 0) break;
                var other = corpus[rng.Next(corpus.Count)];
                int cut = rng.Next(data.Count + 1);
                int from = rng.Next(other.Length + 1);
                data.RemoveRange(cut, data.Count - cut);
                data.AddRange(other.AsSpan(from).ToArray());
                break;
            }
            case 7: // a header (line) duplicated, often many times
                DuplicateLine(rng, data);
                break;
            case 8: // a length field corrupted
                if (rng.Next(2) == 0) CorruptBinaryLength(rng, data);
                else CorruptDecimal(rng, data);
                break;
            case 9: // a block copied elsewhere
            {
                int at = Position(rng, data);
                int len = Math.Min(data.Count - at, 1 + rng.Next(64));
                var block = data.GetRange(at, len);
                data.InsertRange(rng.Next(data.Count + 1), block);
                break;
            }
            case 10: // a block repeated in place
            {
                int at = Position(rng, data);
                int len = Math.Min(data.Count - at, 1 + rng.Next(8));
                var block = data.GetRange(at, len);
                int times = 1 + rng.Next(rng.Next(2) == 0 ? 8 : 2000);
                data.InsertRange(at, Repeat(block, times));
                break;
            }
            default: // a byte swapped with another
            {
                int a = Position(rng, data), b = Position(rng, data);
                (data[a], data[b]) = (data[b], data[a]);
                break;
            }
        }
    }

    private static int Position(Random rng, List<byte> data) =>
        // Headers sit at the front: bias a third of the positions to the first 64 bytes.
        rng.Next(3) == 0 ? rng.Next(Math.Min(64, data.Count)) : rng.Next(data.Count);

    private static void DuplicateLine(Random rng, List<byte> data)
    {
        int start = rng.Next(data.Count);
        while (start > 0 && data[start - 1] != (byte)'\n') start--;
        int end = data.IndexOf((byte)'\n', start);
        if (end < 0) return;
        var line = data.GetRange(start, end - start + 1);
        int times = 1 + rng.Next(rng.Next(2) == 0 ? 3 : 300);
        data.InsertRange(start, Repeat(line, times));
    }

    private static byte[] Repeat(List<byte> block, int times)
    {
        var bytes = new byte[block.Count * times];
        for (int t = 0; t < times; t++) block.CopyTo(bytes, t * block.Count);
        return bytes;
    }

    private static void CorruptBinaryLength(Random rng, List<byte> data)
    {
        int width = rng.Next(3) switch { 0 => 1, 1 => 2, _ => 4 };
        if (data.Count < width) return;
        int at = rng.Next(3) == 0 ? rng.Next(Math.Min(64, data.Count - width + 1)) : rng.Next(data.Count - width + 1);
        uint value = rng.Next(4) == 0 ? (uint)(data.Count + rng.Next(-4, 5)) : InterestingNumbers[rng.Next(InterestingNumbers.Length)];
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        for (int i = 0; i < width; i++) data[at + i] = bytes[4 - width + i];
    }

    private static void CorruptDecimal(Random rng, List<byte> data)
    {
        int start = -1;
        int from = rng.Next(data.Count);
        for (int i = 0; i < data.Count; i++)
        {
            int j = (from + i) % data.Count;
            if (data[j] is >= (byte)'0' and <= (byte)'9') { start = j; break; }
        }
        if (start < 0) return;
        while (start > 0 && data[start - 1] is >= (byte)'0' and <= (byte)'9') start--;
        int end = start;
        while (end < data.Count && data[end] is >= (byte)'0' and <= (byte)'9') end++;
        data.RemoveRange(start, end - start);
        data.InsertRange(start, Encoding.ASCII.GetBytes(InterestingDecimals[rng.Next(InterestingDecimals.Length)]));
    }
}
