using System.Globalization;
using System.Text;

namespace Analyzer.Generation.Messages;

/// <summary>GENA eventing (UDA 1.1 §4): SUBSCRIBE with its answer, the NOTIFY event message and its acknowledgment.</summary>
public static class GenaMessages
{
    public static byte[] Subscribe(HttpStyle style, string hostPort, string eventPath, string callback, string userAgent,
        int timeoutSeconds = 1800)
    {
        return HttpText.Request(style, "SUBSCRIBE", eventPath,
        [
            ("HOST", hostPort), ("USER-AGENT", userAgent), ("CALLBACK", callback), ("NT", "upnp:event"),
            ("TIMEOUT", "Second-" + timeoutSeconds.ToString(CultureInfo.InvariantCulture)),
        ]);
    }

    /// <summary>Renewal: SID instead of CALLBACK and NT (UDA 1.1 §4.1.2).</summary>
    public static byte[] Renew(HttpStyle style, string hostPort, string eventPath, string sid, int timeoutSeconds = 1800) =>
        HttpText.Request(style, "SUBSCRIBE", eventPath,
        [
            ("HOST", hostPort), ("SID", sid), ("TIMEOUT", "Second-" + timeoutSeconds.ToString(CultureInfo.InvariantCulture)),
        ]);

    public static byte[] SubscribeAccepted(string server, long timestampUs, string sid, int timeoutSeconds = 1800) =>
        HttpText.Response(HttpStyle.Standard, 200, "OK",
        [
            ("Server", server), ("Date", HttpText.Date(timestampUs)), ("SID", sid),
            ("Timeout", "Second-" + timeoutSeconds.ToString(CultureInfo.InvariantCulture)), ("Content-Length", "0"),
        ]);

    /// <summary>miniupnpd's refusal of a callback it does not like (412 Precondition Failed).</summary>
    public static byte[] PreconditionFailed(string server, long timestampUs) =>
        HttpText.Response(HttpStyle.Standard, 412, "Precondition Failed",
            [("Server", server), ("Date", HttpText.Date(timestampUs)), ("Content-Length", "0")]);

    public static string PropertySet(IEnumerable<(string Name, string Value)> properties)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\r\n<e:propertyset xmlns:e=\"urn:schemas-upnp-org:event-1-0\">");
        foreach (var (name, value) in properties) xml.Append($"<e:property><{name}>{value}</{name}></e:property>");
        xml.Append("</e:propertyset>\r\n");
        return xml.ToString();
    }

    /// <summary>The event a publisher sends to a subscriber's callback (UDA 1.1 §4.3).</summary>
    public static byte[] Notify(string hostPort, string callbackPath, string sid, int seq, string body) =>
        HttpText.Request(HttpStyle.Standard, "NOTIFY", callbackPath,
        [
            ("Host", hostPort), ("Content-Type", "text/xml; charset=\"utf-8\""), ("Connection", "close"),
            ("Content-Length", HttpText.Length(body)), ("NT", "upnp:event"), ("NTS", "upnp:propchange"), ("SID", sid),
            ("SEQ", seq.ToString(CultureInfo.InvariantCulture)),
        ], body);

    public static byte[] NotifyAccepted() =>
        HttpText.Response(HttpStyle.Standard, 200, "OK", [("Content-Length", "0"), ("Connection", "close")]);
}
