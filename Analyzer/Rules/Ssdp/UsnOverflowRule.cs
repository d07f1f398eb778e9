using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-libupnp-usn-overflow</c> (CVE-2012-5958..5965): an ST, NT or USN whose UDN or one
/// colon-separated component is longer than the 180-byte buffers libupnp copies it into. Both directions: devices
/// parse M-SEARCH, control points (TVs, players) parse NOTIFY and search replies. Real USNs are about 120 characters
/// in all, with no component near the limit, so long values made of short parts do not fire. A plain
/// <c>ST: uuid:&lt;long name&gt;</c> search is the DD-WRT exploit (<see cref="UuidSearchOverflowRule"/>).
/// </summary>
public sealed class UsnOverflowRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-libupnp-usn-overflow", AlertCategory.ExploitAttempt, Severity.High,
        "An SSDP ST/NT/USN with a UDN or component over 180 bytes (libupnp unique_service_name overflow, CVE-2012-5958..5965)");

    private static readonly SsdpHeaderId[] Checked = [SsdpHeaderId.St, SsdpHeaderId.Nt, SsdpHeaderId.Usn];

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage ssdp) return;
        int limit = context.Thresholds.SsdpMaxFieldLength;
        foreach (var id in Checked)
        {
            // No part can be longer than the whole value.
            if (ssdp.Find(id) is not { RawLength: var length } header || length <= limit) continue;
            if (UuidSearchOverflowRule.Owns(ssdp, header, context.Thresholds)) continue;
            int component = SsdpFieldShape.LongestComponent(header), udn = SsdpFieldShape.UdnLength(header);
            if (component <= limit && udn <= limit) continue;
            var what = udn > limit ? $"a UDN of {udn} bytes" : $"a component of {component} bytes";
            context.Raise(Rule, e.Packet, ProtocolNames.Ssdp,
                $"{ssdp.Message} {header.Name} with {what} (limit {limit}): {Evidence.Quote(header.Value, header.RawLength, 80)}");
            return;
        }
    }
}
