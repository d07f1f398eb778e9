using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Support;

/// <summary>Internet gateway announcements and descriptions, the real router's and copies of them, for the rogue-gateway tests.</summary>
public static class GatewayText
{
    public const string Igd = "urn:schemas-upnp-org:device:InternetGatewayDevice:1";
    public const string RouterUuid = "uuid:4d696e69-444c-164e-9d41-b0c554255b0e";
    public const string RogueUuid = "uuid:e5e1c0de-0000-4000-8000-00000000beef";
    public const string TpLinkServer = "Linux/4.4.60, UPnP/1.0, Portable SDK for UPnP devices/1.14.18";
    public const string Rogue = "192.168.1.66";

    public static byte[] Notify(string host, string uuid, string server = TpLinkServer, int port = 1900, string path = "/rootDesc.xml") =>
        SsdpText.Notify(Igd, uuid + "::" + Igd, $"http://{host}:{port}{path}", server);

    public static byte[] Reply(string host, string uuid, string server = TpLinkServer, int port = 1900, string path = "/rootDesc.xml") =>
        SsdpText.Response(Igd, uuid + "::" + Igd, $"http://{host}:{port}{path}", server);

    public static string Description(string friendlyName, string modelName, string uuid, string? presentationUrl = null,
        string? iconUrl = null, string deviceType = Igd) =>
        "<?xml version=\"1.0\"?>\r\n<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><specVersion><major>1</major><minor>0</minor></specVersion>"
        + $"<device><deviceType>{deviceType}</deviceType><friendlyName>{friendlyName}</friendlyName>"
        + $"<manufacturer>TP-Link</manufacturer><modelName>{modelName}</modelName><modelNumber>1.0</modelNumber><UDN>{uuid}</UDN>"
        + (iconUrl is null ? "" : $"<iconList><icon><mimetype>image/png</mimetype><width>48</width><height>48</height><depth>24</depth><url>{iconUrl}</url></icon></iconList>")
        + "<serviceList><service><serviceType>urn:schemas-upnp-org:service:Layer3Forwarding:1</serviceType>"
        + "<serviceId>urn:upnp-org:serviceId:L3Forwarding1</serviceId><SCPDURL>/l3f.xml</SCPDURL><controlURL>/ctl/L3F</controlURL>"
        + "<eventSubURL>/evt/L3F</eventSubURL></service></serviceList>"
        + (presentationUrl is null ? "" : $"<presentationURL>{presentationUrl}</presentationURL>")
        + "</device></root>\r\n";

    /// <summary>A client fetches a description from <paramref name="server"/> on port 1900.</summary>
    public static ScenarioCapture Fetch(this ScenarioCapture s, string client, ushort clientPort, ulong clientMac, string server, ulong serverMac,
        string xml, string banner = TpLinkServer) =>
        s.Http(client, clientPort, server, 1900, HttpText.Request("GET", "/rootDesc.xml", $"{server}:1900", null, ("User-Agent", "Microsoft-Windows/10.0 UPnP/1.0")),
            HttpText.Response("200 OK", xml, ("Content-Type", "text/xml"), ("Server", banner)), clientMac, serverMac);
}
