using System.Text;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// Rewrites the Content-Length messages of an HTTP stream as chunked ones (random chunk sizes, hex in either case,
/// now and then an extension or a trailer), so that the chunked decoder is fuzzed although no seed capture uses it.
/// </summary>
public static class HttpRechunker
{
    public static byte[] Rechunk(Random rng, byte[] stream)
    {
        var output = new MemoryStream();
        int pos = 0;
        while (pos < stream.Length)
        {
            int headEnd = stream.AsSpan(pos).IndexOf("\r\n\r\n"u8);
            if (headEnd < 0) break;
            var head = Encoding.Latin1.GetString(stream, pos, headEnd + 2);
            var lines = head.Split("\r\n").Where(l => l.Length > 0).ToList();
            int lengthLine = lines.FindIndex(l => l.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase));
            int bodyStart = pos + headEnd + 4;
            if (lengthLine < 0 || !int.TryParse(lines[lengthLine].AsSpan(15).Trim(), out int length) || length < 0 || bodyStart + length > stream.Length)
            {
                output.Write(stream.AsSpan(pos, bodyStart - pos));
                pos = bodyStart;
                continue;
            }
            lines[lengthLine] = "Transfer-Encoding: chunked";
            output.Write(Encoding.Latin1.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n"));
            for (int at = 0; at < length;)
            {
                int size = Math.Min(length - at, 1 + rng.Next(rng.Next(2) == 0 ? 16 : 2048));
                var hex = size.ToString(rng.Next(2) == 0 ? "x" : "X", System.Globalization.CultureInfo.InvariantCulture);
                output.Write(Encoding.ASCII.GetBytes(hex + (rng.Next(8) == 0 ? ";name=\"value\"" : "") + "\r\n"));
                output.Write(stream.AsSpan(bodyStart + at, size));
                output.Write("\r\n"u8);
                at += size;
            }
            output.Write(rng.Next(6) == 0 ? "0\r\nX-Trailer: 1\r\n\r\n"u8 : "0\r\n\r\n"u8);
            pos = bodyStart + length;
        }
        output.Write(stream.AsSpan(pos));
        return output.ToArray();
    }
}
