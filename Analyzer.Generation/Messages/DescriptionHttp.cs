namespace Analyzer.Generation.Messages;

/// <summary>The HTTP GET of a description document and its answer (UDA 1.1 §2.11).</summary>
public static class DescriptionHttp
{
    public static byte[] Get(HttpStyle style, string hostPort, string path, string userAgent) =>
        HttpText.Request(style, "GET", path,
        [
            ("Host", hostPort), ("User-Agent", userAgent), ("Accept", "text/xml, application/xml"), ("Connection", "close"),
        ]);

    /// <param name="extraHeaders">Added after the standard ones, e.g. DIAL's Application-URL.</param>
    public static byte[] Ok(string server, long timestampUs, string body, params (string, string)[] extraHeaders) =>
        HttpText.Response(HttpStyle.Standard, 200, "OK",
        [
            ("Content-Type", "text/xml; charset=\"utf-8\""), ("Connection", "close"), ("Content-Length", HttpText.Length(body)),
            ("Server", server), ("Date", HttpText.Date(timestampUs)), .. extraHeaders,
        ], body);

    public static byte[] NotFound(string server, long timestampUs) =>
        HttpText.Response(HttpStyle.Standard, 404, "Not Found",
            [("Server", server), ("Date", HttpText.Date(timestampUs)), ("Content-Length", "0"), ("Connection", "close")]);
}
