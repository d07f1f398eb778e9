using Analyzer.Decoding.Ssdp;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// Measures the parts of an ST/NT/USN value that libupnp copies into fixed buffers (CVE-2012-5958..5965): each
/// colon-separated component, and the UDN between <c>uuid:</c> and <c>::</c>. Lengths are in characters of the real value:
/// when the decoder cut a long value, the unseen rest is counted in the last component.
/// </summary>
public static class SsdpFieldShape
{
    /// <summary>Length of the longest colon-separated component.</summary>
    public static int LongestComponent(SsdpHeader header)
    {
        var value = header.Value.AsSpan();
        int longest = 0, start = 0;
        for (int i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && value[i] != ':') continue;
            int length = i - start;
            if (i == value.Length) length += Hidden(header);
            longest = Math.Max(longest, length);
            start = i + 1;
        }
        return longest;
    }

    /// <summary>Length of the UDN after <c>uuid:</c> up to <c>::</c> or the end; 0 when the value is not a uuid.</summary>
    public static int UdnLength(SsdpHeader header)
    {
        var value = header.Value;
        int uuid = value.IndexOf("uuid:", StringComparison.OrdinalIgnoreCase);
        if (uuid < 0) return 0;
        int start = uuid + 5;
        int end = value.IndexOf("::", start, StringComparison.Ordinal);
        return end < 0
            ? value.Length - start + Hidden(header)
            : end - start;
    }

    // The decoder keeps the first MaxValueBytes bytes of a longer value; a character stands for one byte (an invalid
    // byte of shellcode becomes one U+FFFD), which is exact for the ASCII these headers should hold.
    private static int Hidden(SsdpHeader header) => Math.Max(0, header.RawLength - SsdpParser.MaxValueBytes);
}
