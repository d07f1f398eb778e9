using Analyzer.Decoding;
using Analyzer.Decoding.Description;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Soap;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Soap;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-rogue-device</c> (d)/(e), the evil-ssdp gateway template: a LAN host that is not the gateway
/// announces an InternetGatewayDevice (NOTIFY, search replies or its description) under a UUID of its own, copying
/// the gateway's identity: its SERVER banner, and its friendly name when both descriptions were seen.
/// The gateway is, in this order, the IGD announcer at a configured router address, the one whose MAC carries routed
/// traffic (the default route), the one that answered IGD control or NAT-PMP/PCP, or the first IGD announcer heard. A second IGD with an identity of its
/// own (a double NAT: its own banner, name and UUID) does not fire; the same UUID from another MAC is
/// <see cref="RogueCloneRule"/>'s. When the banner matches but the newcomer's description has not been seen while the
/// gateway's has, the verdict waits up to <see cref="DescriptionWaitUs"/> for it: a different friendly name clears it.
/// Clients that fetch the rogue's description or send it SOAP are named in the alert, and each one that does so
/// afterwards gets an alert of its own.
/// </summary>
public sealed class RogueGatewayRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-rogue-gateway", AlertCategory.RogueDevice, Severity.High,
        "A LAN host that is not the gateway announces an InternetGatewayDevice copying the gateway's SERVER banner or friendly name under a UUID of its own; clients that trust it are named");

    /// <summary>IGD announcers remembered (by MAC); a home has one or two.</summary>
    public const int MaxClaimants = 64;

    /// <summary>Clients remembered per announcer, so that each is reported once.</summary>
    public const int MaxClientsRemembered = 256;

    /// <summary>Trusting clients named in one alert.</summary>
    public const int MaxClientsNamed = 8;

    /// <summary>How long a banner match waits for the newcomer's description before it is judged on the banner alone.</summary>
    public const long DescriptionWaitUs = 60L * 1_000_000;

    private sealed class Claimant(ulong mac, NetAddress address, long firstUs)
    {
        public readonly ulong Mac = mac;
        public NetAddress Address = address;
        public readonly long FirstUs = firstUs;
        public string? Server;
        public string? Uuid;
        public string? Location;
        public string? FriendlyName;
        public string? ModelName;
        public PacketInfo Evidence;
        public long PendingSinceUs = -1;
        public bool Reported;
        public readonly List<string> Clients = [];
        public readonly HashSet<NetAddress> ClientAddresses = [];
    }

    private readonly BoundedTable<ulong, Claimant> _claimants = new(MaxClaimants);
    // MACs that answered IGD control or NAT-PMP/PCP, whether or not they announced themselves yet.
    private readonly BoundedTable<ulong, bool> _acting = new(MaxClaimants);
    private ulong _routedMac;

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        var p = e.Packet;
        var net = context.Network;
        if (_routedMac == 0 && p.SrcMac != 0 && net.IsForeign(p.Src)) _routedMac = p.SrcMac;
        switch (e)
        {
            case SsdpMessage { Kind: not SsdpKind.MSearch } ssdp when p.SrcMac != 0 && net.IsLan(p.Src):
                if (ssdp.Kind == SsdpKind.Notify && SsdpTargets.Is(ssdp.Nts, "ssdp:byebye")) return;
                var type = ssdp.Kind == SsdpKind.Notify ? ssdp.Nt : ssdp.St;
                bool igd = type is not null && type.StartsWith(SsdpTargets.IgdDevicePrefix, StringComparison.OrdinalIgnoreCase);
                if (!igd && !_claimants.ContainsKey(p.SrcMac)) return;
                var c = For(p, igd);
                c.Server ??= ssdp.Server;
                c.Uuid ??= SsdpTargets.Uuid(ssdp.Usn);
                if (igd) c.Location ??= ssdp.Location;
                JudgeAll(context, p.TimestampUs);
                break;
            case DescriptionMessage { Status: 200 } description when p.SrcMac != 0 && net.IsLan(p.Src):
                if (description.Description.Root is not { } root) return;
                bool igdRoot = root.DeviceType?.StartsWith(SsdpTargets.IgdDevicePrefix, StringComparison.OrdinalIgnoreCase) == true;
                if (!igdRoot && !_claimants.ContainsKey(p.SrcMac)) return;
                var d = For(p, igdRoot);
                d.FriendlyName ??= root.FriendlyName;
                d.ModelName ??= root.ModelName;
                d.Server ??= description.Server;
                if (d.Uuid is null && root.Udn is { } udn) d.Uuid = SsdpTargets.Uuid(udn);
                Trusted(p.Src, p.Dst, "fetched its description", p.Reversed(), ProtocolNames.Description, context);
                JudgeAll(context, p.TimestampUs);
                break;
            case SoapRequest request when IgdServices.IsIgd(request.ServiceType):
                Trusted(p.Dst, p.Src, "sent it " + request.Action, p, ProtocolNames.Soap, context);
                break;
            case SoapResponse { IsFault: false } answer when IgdServices.IsIgd(answer.ServiceType):
                ActsAsGateway(p.SrcMac);
                break;
            case NatPmpMessage { IsResponse: true, ResultCode: 0 }:
            case PcpMessage { IsResponse: true, ResultCode: 0 }:
                ActsAsGateway(p.SrcMac);
                break;
        }
    }

    public void Expire(long nowUs, RuleContext context)
    {
        foreach (var (_, c) in _claimants.Entries())
        {
            if (c.PendingSinceUs < 0 || c.Reported || nowUs - c.PendingSinceUs < DescriptionWaitUs) continue;
            c.PendingSinceUs = -1;
            if (Gateway(context.Network) is { } gateway && gateway != c && Copies(c, gateway, context.Network, out string what, out _))
                Report(c, gateway, what, context);
        }
    }

    private Claimant For(in PacketInfo p, bool igd)
    {
        if (_claimants.TryGet(p.SrcMac, out var c))
        {
            c.Address = p.Src;
            return c;
        }
        c = new Claimant(p.SrcMac, p.Src, p.TimestampUs) { Evidence = p };
        if (igd) _claimants.Set(p.SrcMac, c);
        return c;
    }

    private void ActsAsGateway(ulong mac)
    {
        if (mac != 0 && !_acting.ContainsKey(mac)) _acting.Set(mac, true);
    }

    /// <summary>
    /// The announcer that is the gateway: at a configured router address, else the default route's MAC, else one that
    /// acted as a gateway, else the first heard.
    /// </summary>
    private Claimant? Gateway(NetworkContext network)
    {
        Claimant? routed = null, acting = null, first = null;
        foreach (var (_, c) in _claimants.Entries())
        {
            if (network.IsConfiguredRouter(c.Address)) return c;
            if (c.Mac == _routedMac) routed = c;
            if (_acting.ContainsKey(c.Mac) && (acting is null || c.FirstUs < acting.FirstUs)) acting = c;
            if (first is null || c.FirstUs < first.FirstUs) first = c;
        }
        return routed ?? acting ?? first;
    }

    /// <summary>What one announcer says can change the verdict on any other (the gateway's name, who the gateway is).</summary>
    private void JudgeAll(RuleContext context, long nowUs)
    {
        if (Gateway(context.Network) is not { } gateway) return;
        foreach (var (_, c) in _claimants.Entries())
        {
            if (c.Reported || c == gateway) continue;
            if (!Copies(c, gateway, context.Network, out string what, out bool waitForDescription))
            {
                c.PendingSinceUs = -1;
                continue;
            }
            if (!waitForDescription) Report(c, gateway, what, context);
            else if (c.PendingSinceUs < 0) c.PendingSinceUs = nowUs;
        }
    }

    /// <summary>
    /// The newcomer copies the gateway's identity under a UUID of its own. <paramref name="waitForDescription"/> is
    /// set when only the banner matches and the gateway's friendly name is known but the newcomer's not yet.
    /// </summary>
    private static bool Copies(Claimant c, Claimant gateway, NetworkContext network, out string what, out bool waitForDescription)
    {
        what = "";
        waitForDescription = false;
        if (network.SameDevice(c.Address, gateway.Address)) return false;
        if (c.Uuid is null || gateway.Uuid is null || c.Uuid == gateway.Uuid) return false;
        bool sameServer = Same(c.Server, gateway.Server);
        bool namesKnown = c.FriendlyName is not null && gateway.FriendlyName is not null;
        bool sameName = namesKnown && Same(c.FriendlyName, gateway.FriendlyName);
        bool modelDiffers = c.ModelName is not null && gateway.ModelName is not null && !Same(c.ModelName, gateway.ModelName);
        if (sameName && (sameServer || !modelDiffers))
        {
            what = sameServer
                ? $"its SERVER {Evidence.Quote(c.Server)} and friendly name {Evidence.Quote(c.FriendlyName)}"
                : $"its friendly name {Evidence.Quote(c.FriendlyName)} and model {Evidence.Quote(c.ModelName ?? "")}";
            return true;
        }
        if (!sameServer || namesKnown) return false;
        what = $"its SERVER {Evidence.Quote(c.Server)}";
        waitForDescription = gateway.FriendlyName is not null && c.FriendlyName is null;
        return true;
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && a.Trim().Length > 0 && a.Trim().Equals(b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static void Report(Claimant c, Claimant gateway, string what, RuleContext context)
    {
        c.Reported = true;
        c.PendingSinceUs = -1;
        string clients = c.Clients.Count == 0 ? "no client seen trusting it yet" : "trusted by " + string.Join(", ", c.Clients);
        context.Raise(Rule, c.Evidence, ProtocolNames.Ssdp,
            $"{c.Address} ({MacText.Format(c.Mac)}) announces an InternetGatewayDevice copying the gateway {gateway.Address} ({MacText.Format(gateway.Mac)}): "
            + $"{what}, under its own uuid:{c.Uuid}, LOCATION {Evidence.Quote(c.Location ?? "")}; {clients}");
    }

    /// <summary>A client fetched a non-gateway announcer's description or sent it SOAP.</summary>
    private void Trusted(NetAddress server, NetAddress client, string how, in PacketInfo p, string protocol, RuleContext context)
    {
        ulong mac = context.Network.MacOf(server);
        if (mac == 0 || !_claimants.TryGet(mac, out var c) || c.Address != server || !context.Network.IsLan(client)) return;
        if (Gateway(context.Network) == c || c.ClientAddresses.Count >= MaxClientsRemembered || !c.ClientAddresses.Add(client)) return;
        if (!c.Reported)
        {
            if (c.Clients.Count < MaxClientsNamed) c.Clients.Add($"{client} ({how})");
            return;
        }
        context.Raise(Rule, p, protocol, $"{client} trusts the rogue gateway {server} ({MacText.Format(c.Mac)}): {how}");
    }
}
