namespace Analyzer.Generation.Messages;

/// <summary>
/// DIAL 2.x (Netflix/YouTube "DIscovery And Launch") REST messages: application status, launch with a POST body
/// that becomes the app's arguments, and stop.
/// </summary>
public static class DialMessages
{
    public const string DialServiceNamespace = "urn:dial-multiscreen-org:schemas:dial";

    public static byte[] AppStatusRequest(HttpStyle style, string hostPort, string appsPath, string app, string userAgent, string? origin) =>
        HttpText.Request(style, "GET", appsPath + app,
        [
            ("Host", hostPort), ("User-Agent", userAgent), .. Origin(origin), ("Accept", "*/*"), ("Connection", "close"),
        ]);

    public static byte[] AppStatus(string server, long timestampUs, string app, string state)
    {
        string body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
            $"<service xmlns=\"{DialServiceNamespace}\" dialVer=\"2.1\">\n  <name>{app}</name>\n" +
            $"  <options allowStop=\"true\"/>\n  <state>{state}</state>\n</service>\n";
        return HttpText.Response(HttpStyle.Standard, 200, "OK",
        [
            ("Content-Type", "application/xml; charset=\"utf-8\""), ("Content-Length", HttpText.Length(body)),
            ("Server", server), ("Date", HttpText.Date(timestampUs)), ("Connection", "close"),
        ], body);
    }

    /// <param name="body">The launch arguments, e.g. <c>v=&lt;video id&gt;</c> for YouTube.</param>
    public static byte[] Launch(HttpStyle style, string hostPort, string appsPath, string app, string body, string userAgent, string? origin) =>
        HttpText.Request(style, "POST", appsPath + app,
        [
            ("Host", hostPort), ("User-Agent", userAgent), .. Origin(origin), ("Content-Type", "text/plain; charset=\"utf-8\""),
            ("Content-Length", HttpText.Length(body)), ("Connection", "close"),
        ], body);

    public static byte[] Launched(string server, long timestampUs, string runUrl) =>
        HttpText.Response(HttpStyle.Standard, 201, "Created",
        [
            ("LOCATION", runUrl), ("Content-Length", "0"), ("Server", server), ("Date", HttpText.Date(timestampUs)),
            ("Connection", "close"),
        ]);

    public static byte[] Stop(HttpStyle style, string hostPort, string runPath, string userAgent, string? origin) =>
        HttpText.Request(style, "DELETE", runPath,
            [("Host", hostPort), ("User-Agent", userAgent), .. Origin(origin), ("Content-Length", "0"), ("Connection", "close")]);

    public static byte[] Stopped(string server, long timestampUs) =>
        HttpText.Response(HttpStyle.Standard, 200, "OK",
            [("Content-Length", "0"), ("Server", server), ("Date", HttpText.Date(timestampUs)), ("Connection", "close")]);

    private static (string, string)[] Origin(string? origin) => origin is null ? [] : [("Origin", origin)];
}
