using System.Net;
using System.Net.NetworkInformation;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Network;
using Analyzer.Generation.Packets;
using ArpOperation = PacketDotNet.ArpOperation;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// The everyday traffic of a home network, as building blocks and as a filler: ARP, DNS through the router, HTTPS
/// sessions, mDNS discovery of Cast devices, SSDP announcements and searches, description fetches and the
/// control points' event subscriptions to the IGD. Every attack capture carries some of it, so that a sensor must
/// tell the attack from the noise.
/// </summary>
public static class HomeActivity
{
    private static readonly string[] WebSites =
    [
        "www.google.com", "www.youtube.com", "i.ytimg.com", "login.microsoftonline.com", "outlook.office365.com",
        "www.netflix.com", "api.spotify.com", "clients4.google.com", "www.wikipedia.org", "settings-win.data.microsoft.com",
        "play.googleapis.com", "connectivitycheck.gstatic.com", "xsts.auth.xboxlive.com", "ws.sonos.com",
    ];

    public static long Arp(ScenarioContext ctx, long t, NetHost asker, NetHost target)
    {
        var factory = ctx.Timeline.Factory;
        ctx.Timeline.Add(t, factory.Arp(ArpOperation.Request, asker, asker.Ipv4, null, target.Ipv4));
        t += ctx.Random.Next(100, 900);
        ctx.Timeline.Add(t, factory.Arp(ArpOperation.Response, target, target.Ipv4, asker, asker.Ipv4));
        return t;
    }

    /// <summary>An A lookup at the router's DNS forwarder; the answer points at <paramref name="answer"/>.</summary>
    public static long DnsLookup(ScenarioContext ctx, long t, NetHost client, string name, NetHost answer)
    {
        ushort id = (ushort)ctx.Random.Next(0, 65536);
        ushort port = ctx.EphemeralPort(client);
        var router = ctx.Network.RouterLan;
        ctx.Udp(t, client.V4, port, router.V4, DnsMessages.Port, DnsMessages.Query(id, name, DnsMessages.TypeA));
        t += ctx.Random.Next(800, 25_000);
        var records = new[] { DnsMessages.A(name, (uint)ctx.Random.Next(60, 3600), answer.Ipv4) };
        return ctx.Udp(t, router.V4, DnsMessages.Port, client.V4, port, DnsMessages.Response(id, name, DnsMessages.TypeA, records));
    }

    /// <summary>A DNS lookup, then a TLS session to port 443: hellos, a request and a download, close.</summary>
    public static long Https(ScenarioContext ctx, long t, NetHost client, string serverName, int downloadBytes)
    {
        var server = ctx.InternetHost(serverName);
        t = DnsLookup(ctx, t, client, serverName, server);
        return Tls(ctx, t + ctx.Random.Next(200, 2_000), client.V4, server.V4, 443, serverName, downloadBytes);
    }

    /// <summary>A TLS-shaped session between two endpoints (HTTPS, or CASTV2 on 8009 without SNI).</summary>
    public static long Tls(ScenarioContext ctx, long t, Endpoint client, Endpoint server, ushort port, string? serverName, int downloadBytes)
    {
        var random = ctx.Random;
        var session = ctx.Tcp(client, server, port);
        t = session.Open(t);
        t = session.ClientSends(t + 100, TlsRecords.ClientHello(random, serverName));
        t = session.ServerSends(t + session.RttUs / 2, TlsRecords.ServerHelloFlight(random, random.Next(2_500, 4_500)));
        t = session.ClientSends(t + 300, [.. TlsRecords.ChangeCipherSpec(), .. TlsRecords.ApplicationData(random, 74),
            .. TlsRecords.ApplicationData(random, random.Next(180, 600))]);
        int remaining = downloadBytes;
        while (remaining > 0)
        {
            int chunk = Math.Min(remaining, 16_384);
            t = session.ServerSends(t + random.Next(200, 3_000), TlsRecords.ApplicationData(random, chunk));
            remaining -= chunk;
        }
        t = session.ClientSends(t + random.Next(1_000, 50_000), TlsRecords.ApplicationData(random, 19));
        return session.ClientCloses(t + 200);
    }

    /// <summary>A phone looking for Cast devices with mDNS; the Cast device answers with PTR, SRV, TXT and A.</summary>
    public static long MdnsCastDiscovery(ScenarioContext ctx, long t, Device client, Device cast)
    {
        const string service = "_googlecast._tcp.local";
        var group = Endpoint.Group(IPAddress.Parse("224.0.0.251"));
        ctx.Udp(t, client.Host.V4, DnsMessages.MdnsPort, group, DnsMessages.MdnsPort,
            DnsMessages.MdnsQuery(service, DnsMessages.TypePtr, unicastResponse: false), ttl: 255);
        string id = cast.Uuid.ToString("N");
        string instance = $"Chromecast-{id}.{service}";
        string target = $"{cast.Uuid}.local";
        const ushort unique = DnsMessages.ClassIn | DnsMessages.CacheFlush;
        t += ctx.Random.Next(2_000, 120_000);
        return ctx.Udp(t, cast.Host.V4, DnsMessages.MdnsPort, group, DnsMessages.MdnsPort, DnsMessages.MdnsResponse(
        [
            DnsMessages.Ptr(service, 120, instance),
            DnsMessages.Txt(instance, 4500, [$"id={id}", "cd=" + id[..16].ToUpperInvariant(), "rm=", "ve=05", "md=Chromecast",
                "ic=/setup/icon.png", $"fn={cast.FriendlyName}", "ca=465413", "st=0", "bs=FA8FCA000000", "nf=1", "rs="], unique),
            DnsMessages.Srv(instance, 120, 8009, target, unique),
            DnsMessages.A(target, 120, cast.Host.Ipv4, unique),
        ]), ttl: 255);
    }

    /// <summary>The NOTIFY ssdp:alive set of a device (one per advertisement), as sent at boot and every few minutes.</summary>
    public static long SsdpAnnounce(ScenarioContext ctx, long t, Device device, bool ipv6)
    {
        string location = device.Location(ipv6);
        var group = Endpoint.Group(IPAddress.Parse(ipv6 ? "ff02::c" : "239.255.255.250"));
        foreach (var advertisement in UpnpAdvertisements.For(device))
        {
            ctx.Udp(t, device.Host.On(ipv6), SsdpMessages.Port, group, SsdpMessages.Port,
                SsdpMessages.Notify(ipv6, advertisement.Nt, advertisement.Usn, location, device.Server!), ttl: 2);
            t += ctx.Random.Next(80, 1_500);
        }
        return t;
    }

    /// <summary>
    /// A multicast M-SEARCH (sent twice, as Windows and most stacks do) and the unicast answers of every device that
    /// matches the search target, each after a random delay within MX seconds.
    /// </summary>
    public static long SsdpSearch(ScenarioContext ctx, long t, Device client, string st, IEnumerable<Device> responders, bool ipv6,
        int mx = 2, string? userAgent = null)
    {
        var group = Endpoint.Group(IPAddress.Parse(ipv6 ? "ff02::c" : "239.255.255.250"));
        var from = client.Host.On(ipv6);
        ushort port = ctx.EphemeralPort(client.Host);
        var search = SsdpMessages.MSearch(HttpStyle.Standard, SsdpMessages.Host(ipv6), st, mx, userAgent);
        ctx.Udp(t, from, port, group, SsdpMessages.Port, search, ttl: 2);
        ctx.Udp(t + ctx.Random.Next(90_000, 110_000), from, port, group, SsdpMessages.Port, search, ttl: 2);
        long end = t;
        foreach (var device in responders)
        {
            if (device.Kind == DeviceKind.Router && !ctx.RouterUpnpUp(t)) continue;
            foreach (var advertisement in UpnpAdvertisements.For(device).Where(a => Matches(st, a.Nt)))
            {
                long at = t + ctx.Random.Next(5_000, mx * 1_000_000);
                // A device answers a search for an older version of its type with the version asked for (UDA 1.1 §1.3.2).
                string answeredSt = st == SsdpMessages.All ? advertisement.Nt : st;
                var response = SsdpMessages.SearchResponse(answeredSt, SsdpMessages.Usn(advertisement.Udn, answeredSt),
                    device.Location(ipv6), device.Server!, at);
                ctx.Udp(at, device.Host.On(ipv6), SsdpMessages.Port, from, port, response);
                end = Math.Max(end, at);
            }
        }
        return end;
    }

    /// <summary>The HTTP fetch of a device's description by a control point that found it through SSDP.</summary>
    public static long FetchDescription(ScenarioContext ctx, long t, Device client, Device device, bool ipv6)
    {
        var server = device.Host.On(ipv6);
        string hostPort = ScenarioContext.HostPort(server.Address, device.DescriptionPort);
        string body = device.Kind == DeviceKind.Router
            ? DescriptionDocuments.Igd(device, ctx.Network.Igd, device.Host.Ipv4.ToString())
            : DescriptionDocuments.Media(device, $"http://{hostPort}");
        (string, string)[] extra = device.Services.Contains(HomeNetwork.DialService)
            ? [("Application-URL", $"http://{hostPort}/apps/")]
            : [];
        var request = DescriptionHttp.Get(HttpStyle.Standard, hostPort, device.DescriptionPath, client.UserAgent);
        return ctx.HttpExchange(t, client.Host.On(ipv6), server, device.DescriptionPort, request,
            at => DescriptionHttp.Ok(device.Server!, at, body, extra));
    }

    /// <summary>
    /// A control point subscribes to the IGD's connection events with its own address as callback, and the router
    /// sends the initial event (UDA 1.1 §4.2) to that callback.
    /// </summary>
    public static long SubscribeToIgd(ScenarioContext ctx, long t, Device client, ushort callbackPort, string callbackPath)
    {
        var igd = ctx.Network.Igd;
        var router = ctx.Network.RouterLan.V4;
        string hostPort = ScenarioContext.HostPort(router.Address, igd.ControlPort);
        string callback = $"<http://{client.Host.Ipv4}:{callbackPort}{callbackPath}>";
        string sid = $"uuid:{ctx.Random.Uuid()}";
        t = ctx.HttpExchange(t, client.Host.V4, router, igd.ControlPort,
            GenaMessages.Subscribe(HttpStyle.Standard, hostPort, igd.EventPath, callback, client.UserAgent),
            at => GenaMessages.SubscribeAccepted(igd.Server, at, sid));
        string body = GenaMessages.PropertySet(
        [
            ("PortMappingNumberOfEntries", ctx.Igd.Table.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("ExternalIPAddress", ctx.Network.RouterWan.Ipv4.ToString()), ("ConnectionStatus", "Connected"),
        ]);
        string callbackHost = ScenarioContext.HostPort(client.Host.Ipv4, callbackPort);
        return ctx.HttpExchange(t + ctx.Random.Next(1_000, 20_000), router, client.Host.V4, callbackPort,
            GenaMessages.Notify(callbackHost, callbackPath, sid, 0, body), _ => GenaMessages.NotifyAccepted());
    }

    /// <summary>
    /// Spreads ordinary activity over [<paramref name="fromUs"/>, <paramref name="toUs"/>): web sessions, lookups,
    /// ARP, mDNS, SSDP announcements and searches with description fetches. About one event every two seconds.
    /// </summary>
    public static void Fill(ScenarioContext ctx, long fromUs, long toUs)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        Device[] clients = [net.WindowsPc, net.Phone, net.Tv, net.Console, net.Laptop, net.Speaker];
        Device[] announcers = [net.Router, net.Tv, net.Speaker, net.Nas, net.Camera];
        for (long t = fromUs + random.Next(0, 500_000); t < toUs; t += random.Next(800_000, 3_000_000))
        {
            switch (random.Next(0, 10))
            {
                case 0:
                case 1:
                case 2:
                {
                    var client = random.Pick(clients);
                    Https(ctx, t, client.Host, random.Pick(WebSites), random.Next(1_500, 12_000));
                    break;
                }
                case 3:
                {
                    var client = random.Pick(clients);
                    DnsLookup(ctx, t, client.Host, random.Pick(WebSites), ctx.InternetHost(random.Pick(WebSites)));
                    break;
                }
                case 4:
                    Arp(ctx, t, random.Pick(clients).Host, net.RouterLan);
                    break;
                case 5:
                    MdnsCastDiscovery(ctx, t, net.Phone, net.Chromecast);
                    break;
                case 6:
                case 7:
                {
                    var announcer = random.Pick(announcers);
                    if (announcer.Kind != DeviceKind.Router || ctx.RouterUpnpUp(t))
                        SsdpAnnounce(ctx, t, announcer, ctx.Variation.PreferIpv6 && random.Chance(0.5));
                    break;
                }
                case 8:
                {
                    // Windows looks for the IGD over IPv4 only: port mapping is an IPv4 NAT matter.
                    long end = SsdpSearch(ctx, t, net.WindowsPc, ctx.Network.Igd.DeviceType, [net.Router], false, 2);
                    if (ctx.RouterUpnpUp(t)) FetchDescription(ctx, end + random.Next(2_000, 30_000), net.WindowsPc, net.Router, false);
                    break;
                }
                default:
                {
                    bool ipv6 = ctx.Variation.PreferIpv6;
                    long end = SsdpSearch(ctx, t, net.Phone, HomeNetwork.DialService, [net.Tv, net.Chromecast], ipv6, 1,
                        net.Phone.UserAgent);
                    FetchDescription(ctx, end + random.Next(2_000, 30_000), net.Phone, random.Chance(0.5) ? net.Tv : net.Chromecast, ipv6);
                    break;
                }
            }
        }
    }

    /// <summary>Whether a device answers a search for <paramref name="st"/> with the advertisement <paramref name="nt"/>.</summary>
    public static bool Matches(string st, string nt)
    {
        if (st == SsdpMessages.All || st == nt) return true;
        // urn:…:device:Type:v matches an advertisement of the same type with version ≥ v.
        int stColon = st.LastIndexOf(':'), ntColon = nt.LastIndexOf(':');
        return st.StartsWith("urn:", StringComparison.Ordinal) && stColon > 0 && ntColon > 0
            && st.AsSpan(0, stColon).SequenceEqual(nt.AsSpan(0, ntColon))
            && int.TryParse(st.AsSpan(stColon + 1), out int wanted) && int.TryParse(nt.AsSpan(ntColon + 1), out int offered)
            && wanted <= offered;
    }
}
