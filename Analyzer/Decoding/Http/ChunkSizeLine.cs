namespace Analyzer.Decoding.Http;

/// <summary>
/// A chunk-size line of a chunked body (RFC 9112 §7.1): <c>chunk-size [ chunk-ext ] CRLF</c>, the size in hex.
/// Sizes of more than 16 hex digits saturate at <see cref="long.MaxValue"/>, which is still a size to skip.
/// </summary>
internal static class ChunkSizeLine
{
    public static bool TryParse(ReadOnlySpan<byte> line, out long size)
    {
        size = 0;
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        // Some servers pad the size with spaces; tolerated.
        line = line.TrimStart(" \t"u8);
        int digits = 0;
        foreach (byte b in line)
        {
            int v = HexValue(b);
            if (v < 0) break;
            size = digits >= 15 && size > (long.MaxValue >> 4) ? long.MaxValue : (size << 4) | (uint)v;
            digits++;
        }
        if (digits == 0) return false;
        var rest = line[digits..].TrimStart(" \t"u8);
        return rest.IsEmpty || rest[0] == (byte)';';
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
