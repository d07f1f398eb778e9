using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Ssdp;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Mapping;

/// <summary>
/// THREATS.md <c>igd-map-cast-ports</c> (CastHack): a mapping of a Cast/DIAL port (8008 HTTP and DIAL, 8009 CASTV2,
/// 8443 setup), or any mapping to a device that advertises DIAL or a Cast description. Cast devices never need an
/// inbound mapping. Windows file-sharing ports are left to <see cref="EternalSilenceRule"/>.
/// </summary>
public sealed class CastPortRule : IRule, IMappingRule
{
    public static readonly RuleInfo Rule = new("igd-map-cast-ports", AlertCategory.PortmapAbuse, Severity.High,
        "A port mapping of Cast/DIAL ports (8008, 8009, 8443) or to a device that advertises DIAL/Cast (CastHack exposure)");

    /// <summary>LAN devices remembered as DIAL/Cast receivers.</summary>
    public const int MaxCastDevices = 1024;

    /// <summary>Where Chromecasts serve their description.</summary>
    public const string CastDescriptionPath = "/ssdp/device-desc.xml";

    private readonly BoundedTable<NetAddress, bool> _castDevices = new(MaxCastDevices);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage { Kind: not SsdpKind.MSearch } ssdp) return;
        var type = ssdp.Kind == SsdpKind.Notify ? ssdp.Nt : ssdp.St;
        bool dial = SsdpTargets.Is(type, SsdpTargets.DialService);
        bool castDescription = UrlParts.TryParse(ssdp.Location, out var url)
            && url.Path.StartsWith(CastDescriptionPath, StringComparison.OrdinalIgnoreCase)
            && (url.Address is null || url.Address == e.Packet.Src);
        if ((dial || castDescription) && context.Network.IsLan(e.Packet.Src)) _castDevices.Set(e.Packet.Src, true);
    }

    public void OnMapping(MappingRecord m, RuleContext context)
    {
        var r = m.Request;
        if (!r.Creates || PortClasses.IsWindowsSharing(r.InternalPort)) return;
        if (r.InternalClient is { } client && context.Network.IsForeign(client)) return;
        bool castPort = PortClasses.IsCast(r.InternalPort);
        bool castDevice = r.InternalClient is { } c && _castDevices.ContainsKey(c);
        if (!castPort && !castDevice) return;
        var why = castPort ? $"Cast port {r.InternalPort}" : $"the Cast/DIAL device {r.InternalClient}";
        context.Raise(Rule, r.Packet, MappingText.Protocol(r),
            $"{MappingText.Describe(r)} by {r.Requester} exposes {why} to the Internet; {MappingText.Outcome(m)}",
            MappingText.Judge(Rule.Severity, m));
    }
}
