using System.Net;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Network;
using Analyzer.Generation.Packets;
using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// Everything one scenario run works with: the home network, the seeded randomness, the capture's variation, the
/// timeline the frames go to, the router's IGD state, and the attack instances the labels will list. Helper methods
/// emit whole conversations (UDP datagrams, TCP sessions, HTTP exchanges, IGD SOAP calls) and return the time of
/// their last frame, so scenarios read as a script of events in time.
/// </summary>
public sealed class ScenarioContext
{
    private readonly List<AttackInstance> _attacks = new();
    private readonly Dictionary<NetHost, int> _ephemeralPorts = new();
    private readonly Dictionary<string, NetHost> _internetHosts = new();

    public ScenarioContext(HomeNetwork network, GenerationRandom random, CaptureVariation variation, long startUs)
    {
        Network = network;
        Random = random;
        Variation = variation;
        StartUs = startUs;
        var factory = new FrameFactory(variation.Link, variation.VlanId, network.RouterLan,
            [network.RouterLan, network.RouterWan], random);
        Timeline = new PacketTimeline(factory);
        Igd = new IgdDaemon(network);
    }

    public HomeNetwork Network { get; }
    public GenerationRandom Random { get; }
    public CaptureVariation Variation { get; }
    public PacketTimeline Timeline { get; }
    public IgdDaemon Igd { get; }
    /// <summary>Time of the capture's first frame, µs since the Unix epoch.</summary>
    public long StartUs { get; }
    public IReadOnlyList<AttackInstance> Attacks => _attacks;

    /// <summary>From this time on the router's UPnP daemon has crashed: it neither announces nor answers searches.</summary>
    public long? RouterUpnpDownFromUs { get; set; }

    public bool RouterUpnpUp(long t) => RouterUpnpDownFromUs is not { } down || t < down;

    /// <summary>The Internet host that goes by <paramref name="name"/>: created on first use, the same host afterwards.</summary>
    public NetHost InternetHost(string name)
    {
        if (!_internetHosts.TryGetValue(name, out var host)) _internetHosts[name] = host = Network.Internet.Create(name);
        return host;
    }

    /// <summary>Records an attack for the labels. Times are those of its first and last packets.</summary>
    public void Mark(string category, string threat, IPAddress? attacker, IPAddress victim, long startUs, long endUs, string detail = "") =>
        _attacks.Add(new AttackInstance(category, threat, attacker, victim, startUs, endUs, detail));

    public long Udp(long t, Endpoint src, ushort srcPort, Endpoint dst, ushort dstPort, byte[] payload, byte? ttl = null)
    {
        Timeline.Add(t, Timeline.Factory.Udp(src, srcPort, dst, dstPort, payload, ttl));
        return t;
    }

    /// <summary>The next ephemeral port of a host: Windows (TTL 128) counts from 49152, Linux from 32768.</summary>
    public ushort EphemeralPort(NetHost host)
    {
        if (!_ephemeralPorts.TryGetValue(host, out int port))
            port = host.Ttl >= 100 ? Random.Next(49152, 60000) : Random.Next(32768, 55000);
        _ephemeralPorts[host] = port + Random.Next(1, 4);
        return (ushort)port;
    }

    /// <summary>Round trip as seen from the capture point: sub-millisecond on the LAN, tens of ms across the Internet.</summary>
    public long RoundTrip(Endpoint a, Endpoint b) =>
        a.Host?.Segment == NetSegment.Wan || b.Host?.Segment == NetSegment.Wan ? Random.Next(12_000, 90_000) : Random.Next(250, 1_200);

    public TcpSession Tcp(Endpoint client, Endpoint server, ushort serverPort, ushort? clientPort = null) =>
        new(Timeline, Random, client, clientPort ?? EphemeralPort(client.Host!), server, serverPort, RoundTrip(client, server),
            Variation.Tcp);

    /// <summary>
    /// A complete HTTP/1.x exchange on a fresh connection: handshake, request, the server's answer after a short
    /// processing delay (made by <paramref name="respond"/> from the answer's time, for its Date header), teardown.
    /// </summary>
    public long HttpExchange(long t, Endpoint client, Endpoint server, ushort port, byte[] request, Func<long, byte[]>? respond,
        HttpEnding ending = HttpEnding.ServerCloses, ushort? clientPort = null)
    {
        var session = Tcp(client, server, port, clientPort);
        t = session.Open(t);
        t = session.ClientSends(t + Random.Next(50, 400), request);
        t += Random.Next(300, 4_000);
        switch (ending)
        {
            case HttpEnding.ServerResets:
                return session.ServerResets(t);
            case HttpEnding.Silence:
                return t;
        }
        if (respond is not null) t = session.ServerSends(t, respond(t));
        t += Random.Next(50, 300);
        return ending == HttpEnding.ClientCloses ? session.ClientCloses(t) : session.ServerCloses(t);
    }

    /// <summary><c>host:port</c> for a Host header or URL, with IPv6 in brackets.</summary>
    public static string HostPort(IPAddress address, ushort port) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]:{port}" : $"{address}:{port}";

    /// <summary>
    /// One SOAP call to the router's IGD, answered by <see cref="Igd"/> unless <paramref name="ending"/> says the
    /// daemon crashed. <paramref name="body"/> and <paramref name="soapAction"/> replace the well-formed ones for
    /// exploits. Returns the end time and whether the answer was a fault.
    /// </summary>
    public (long End, bool Fault) IgdCall(long t, Endpoint client, bool viaWan, string userAgent, HttpStyle http, SoapStyle soap,
        string action, IReadOnlyList<(string Name, string Value)> args, string? body = null, string? soapAction = null,
        HttpEnding ending = HttpEnding.ServerCloses, string? controlPath = null)
    {
        var igd = Network.Igd;
        var server = viaWan ? Network.RouterWan.V4 : client.IsIpv6 ? Network.RouterLan.V6 : Network.RouterLan.V4;
        ushort controlPort = igd.ControlPort;
        body ??= SoapMessages.RequestBody(soap, igd.ServiceType, action, args);
        var request = SoapMessages.Request(http, soap, HostPort(server.Address, controlPort), controlPath ?? igd.ControlPath,
            igd.ServiceType, action, userAgent, body, soapAction);
        bool fault = false;
        long end = HttpExchange(t, client, server, controlPort, request, at =>
        {
            var (responseBody, isFault) = Igd.Handle(action, args, client.Address);
            fault = isFault;
            return SoapMessages.HttpResponse(igd.Server, at, responseBody, isFault);
        }, ending);
        return (end, fault);
    }
}
