using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-rogue-device</c> (d): one device UUID advertised from two different hardware (MAC) addresses,
/// an impersonation of a device already on the LAN. A device that changes its IP keeps its MAC and does not fire;
/// a device with two network interfaces advertising one UUID does, at medium severity.
/// Vendors ship firmware-default UUIDs that every unit of a firmware shares, so a second MAC alone is not a clone:
/// a device at an address of its own, with a LOCATION on itself and a SERVER banner of its own, advertising the
/// same UUID is a shared default (two routers of one vendor in a double NAT). It becomes a clone when it claims the
/// owner's identity (same SERVER, the owner's address, or a LOCATION elsewhere), or when the UUID moves to it while
/// the owner goes quiet (no advertisement of that UUID for longer than the owner's CACHE-CONTROL max-age).
/// </summary>
public sealed class RogueCloneRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-rogue-clone", AlertCategory.RogueDevice, Severity.Medium,
        "One device UUID is advertised from a second MAC address claiming the same identity, or taken over while its owner went quiet (a cloned identity)");

    /// <summary>UUIDs remembered with the first MAC and address that advertised them.</summary>
    public const int MaxUuids = 8192;

    /// <summary>How long an owner that gave no max-age may stay silent before its UUID counts as abandoned.</summary>
    public const long DefaultQuietUs = 1800L * 1_000_000;

    private sealed class Owner(ulong mac, NetAddress address, string? server)
    {
        public readonly ulong Mac = mac;
        public readonly NetAddress Address = address;
        public readonly string? Server = server;
        public long LastSeenUs;
        public long QuietUs = DefaultQuietUs;
    }

    private readonly BoundedTable<string, Owner> _owners = new(MaxUuids);
    private readonly BoundedTable<(string Uuid, ulong Mac), bool> _reported = new(MaxUuids);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage { Kind: not SsdpKind.MSearch } ssdp || e.Packet.SrcMac == 0) return;
        if (ssdp.Kind == SsdpKind.Notify && SsdpTargets.Is(ssdp.Nts, "ssdp:byebye")) return;
        if (SsdpTargets.Uuid(ssdp.Usn) is not { } uuid || !context.Network.IsLan(e.Packet.Src)) return;
        long now = e.Packet.TimestampUs;
        if (!_owners.TryGet(uuid, out var owner))
        {
            _owners.Set(uuid, owner = new Owner(e.Packet.SrcMac, e.Packet.Src, ssdp.Server));
            Seen(owner, ssdp, now);
            return;
        }
        if (owner.Mac == e.Packet.SrcMac)
        {
            Seen(owner, ssdp, now);
            return;
        }
        if (_reported.ContainsKey((uuid, e.Packet.SrcMac))) return;
        string? claim = Claim(owner, ssdp, context.Network);
        if (claim is null && now - owner.LastSeenUs > owner.QuietUs)
            claim = $"while it has been silent for {Evidence.Seconds(now - owner.LastSeenUs)}";
        if (claim is null) return;
        _reported.Set((uuid, e.Packet.SrcMac), true);
        context.Raise(Rule, e.Packet, ProtocolNames.Ssdp,
            $"uuid:{(uuid.Length > 64 ? uuid[..64] + "…" : uuid)} advertised by {e.Packet.Src} ({MacText.Format(e.Packet.SrcMac)}) was first advertised by {owner.Address} ({MacText.Format(owner.Mac)}), {claim}");
    }

    private static void Seen(Owner owner, SsdpMessage ssdp, long now)
    {
        owner.LastSeenUs = now;
        if (ssdp.MaxAgeSeconds is int maxAge && maxAge > 0) owner.QuietUs = maxAge * 1_000_000L;
    }

    /// <summary>How the newcomer claims the owner's identity, or null when it looks like a device of its own sharing a default UUID.</summary>
    private static string? Claim(Owner owner, SsdpMessage ssdp, NetworkContext network)
    {
        var src = ssdp.Packet.Src;
        if (src == owner.Address) return "from the same address";
        if (ssdp.Server is null || owner.Server is null || ssdp.Server.Trim().Equals(owner.Server.Trim(), StringComparison.OrdinalIgnoreCase))
            return $"with the same SERVER {Evidence.Quote(ssdp.Server ?? "")}";
        // A host name or the other IP family cannot be checked passively (as in RogueLocationRule) and claims nothing.
        if (UrlParts.TryParse(ssdp.Location, out var url) && url.Address is { } host && host.IsV6 == src.IsV6 && !network.SameDevice(host, src))
            return $"with LOCATION {Evidence.Quote(ssdp.Location)} not on itself";
        return null;
    }
}
