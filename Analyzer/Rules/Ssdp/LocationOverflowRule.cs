using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-windows-location-overflow</c> (MS01-059, CVE-2001-0876/0877): a NOTIFY whose LOCATION is longer
/// than Windows' SSDP service expects. Some LAN devices put tokens in long LOCATION URLs, so the LAN limit is higher
/// than the limit for NOTIFY from outside.
/// </summary>
public sealed class LocationOverflowRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-windows-location-overflow", AlertCategory.ExploitAttempt, Severity.High,
        "A NOTIFY whose LOCATION is over 256 bytes (over 128 from outside the LAN): Windows SSDP overflow, MS01-059");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage { Kind: SsdpKind.Notify } ssdp || ssdp.Find(SsdpHeaderId.Location) is not { } location) return;
        bool outside = context.Network.IsForeign(e.Packet.Src);
        int limit = outside ? context.Thresholds.SsdpLocationMaxLengthWan : context.Thresholds.SsdpLocationMaxLengthLan;
        if (location.RawLength <= limit) return;
        context.Raise(Rule, e.Packet, ProtocolNames.Ssdp,
            $"NOTIFY LOCATION of {location.RawLength} bytes (limit {limit}{(outside ? " from outside the LAN" : "")}): {Evidence.Quote(location.Value, location.RawLength, 80)}");
    }
}
