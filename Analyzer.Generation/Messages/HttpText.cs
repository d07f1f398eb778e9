using System.Globalization;
using System.Text;

namespace Analyzer.Generation.Messages;

/// <summary>Lays out HTTP/1.x and HTTPU messages: start line, headers in the sender's style, empty line, body.</summary>
public static class HttpText
{
    public static byte[] Request(HttpStyle style, string method, string target, IEnumerable<(string Name, string Value)> headers,
        string body = "") =>
        Message($"{method} {target} HTTP/1.1", style, headers, body);

    public static byte[] Response(HttpStyle style, int status, string reason, IEnumerable<(string Name, string Value)> headers,
        string body = "") =>
        Message($"HTTP/1.1 {status.ToString(CultureInfo.InvariantCulture)} {reason}", style, headers, body);

    /// <summary>Start line and headers as given; nothing is added, so the caller controls Content-Length.</summary>
    public static byte[] Message(string startLine, HttpStyle style, IEnumerable<(string Name, string Value)> headers, string body)
    {
        var text = new StringBuilder(startLine.Length + body.Length + 256);
        text.Append(startLine).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(style.Name(name)).Append(':');
            // An empty value (SSDP's "EXT:") never gets the space, as real stacks write it.
            if (style.SpaceAfterColon && value.Length > 0) text.Append(' ');
            text.Append(value).Append("\r\n");
        }
        text.Append("\r\n").Append(body);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string Length(string body) => Encoding.UTF8.GetByteCount(body).ToString(CultureInfo.InvariantCulture);

    /// <summary>An RFC 9110 IMF-fixdate from a capture timestamp, for Date headers.</summary>
    public static string Date(long timestampUs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timestampUs / 1000).UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
}
