using Analyzer.Decoding;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Output;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-rogue-device</c> (d): one device UUID advertised from two different hardware (MAC) addresses,
/// an impersonation of a device already on the LAN. A device that changes its IP keeps its MAC and does not fire;
/// a device with two network interfaces advertising one UUID does, at medium severity.
/// </summary>
public sealed class RogueCloneRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-rogue-clone", AlertCategory.RogueDevice, Severity.Medium,
        "One device UUID is advertised from two different MAC addresses (a cloned identity)");

    /// <summary>UUIDs remembered with the first MAC and address that advertised them.</summary>
    public const int MaxUuids = 8192;

    private readonly BoundedTable<string, (ulong Mac, NetAddress Address)> _owners = new(MaxUuids);
    private readonly BoundedTable<(string Uuid, ulong Mac), bool> _reported = new(MaxUuids);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage { Kind: not SsdpKind.MSearch } ssdp || e.Packet.SrcMac == 0) return;
        if (ssdp.Kind == SsdpKind.Notify && SsdpTargets.Is(ssdp.Nts, "ssdp:byebye")) return;
        if (SsdpTargets.Uuid(ssdp.Usn) is not { } uuid || !context.Network.IsLan(e.Packet.Src)) return;
        if (!_owners.TryGet(uuid, out var owner))
        {
            _owners.Set(uuid, (e.Packet.SrcMac, e.Packet.Src));
            return;
        }
        if (owner.Mac == e.Packet.SrcMac || _reported.ContainsKey((uuid, e.Packet.SrcMac))) return;
        _reported.Set((uuid, e.Packet.SrcMac), true);
        context.Raise(Rule, e.Packet, "ssdp",
            $"uuid:{(uuid.Length > 64 ? uuid[..64] + "…" : uuid)} advertised by {e.Packet.Src} ({MacText.Format(e.Packet.SrcMac)}) was first advertised by {owner.Address} ({MacText.Format(owner.Mac)})");
    }
}
