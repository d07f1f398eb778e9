using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Gena;

/// <summary>
/// One delivery URL of a SUBSCRIBE CALLBACK header (UDA 2.0 §4.1.2: <c>CALLBACK: &lt;url&gt;&lt;url&gt;…</c>), with the
/// host and port the device would send NOTIFY requests to (see <see cref="UrlParts.Read"/> for the port rules).
/// </summary>
public readonly record struct GenaCallback(string Url, string Host, int Port, string Path)
{
    public const int MaxCallbacks = 16;

    /// <summary>Every &lt;…&gt; URL of a CALLBACK value (at most <see cref="MaxCallbacks"/>); <paramref name="total"/> counts all.</summary>
    public static List<GenaCallback> ParseList(string value, out int total)
    {
        var result = new List<GenaCallback>();
        total = 0;
        int pos = 0;
        while (pos < value.Length)
        {
            int open = value.IndexOf('<', pos);
            if (open < 0) break;
            int close = value.IndexOf('>', open + 1);
            string url = close < 0 ? value[(open + 1)..] : value[(open + 1)..close];
            total++;
            if (result.Count < MaxCallbacks) result.Add(Parse(url));
            if (close < 0) break;
            pos = close + 1;
        }
        return result;
    }

    public static GenaCallback Parse(string url)
    {
        var parsed = UrlParts.Read(url);
        return new GenaCallback(url, parsed.Host, parsed.Port, parsed.Path);
    }
}
