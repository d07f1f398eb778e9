using Analyzer.Events;

namespace Analyzer.Rules.Mapping;

/// <summary>
/// THREATS.md <c>igd-map-eternalsilence</c>: a mapping that exposes a LAN host's Windows file sharing (RPC 135,
/// NetBIOS 137–139, SMB 445), or carries the campaign's description "galleta silenciosa". No legitimate application
/// maps these ports.
/// </summary>
public sealed class EternalSilenceRule : IRule, IMappingRule
{
    public static readonly RuleInfo Rule = new("igd-map-eternalsilence", AlertCategory.PortmapAbuse, Severity.Critical,
        "A port mapping exposing Windows file sharing (135, 137-139, 445) or named 'galleta silenciosa' (EternalSilence)");

    public const string CampaignDescription = "galleta silenciosa";

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context) { }

    public void OnMapping(MappingRecord m, RuleContext context)
    {
        var r = m.Request;
        if (!r.Creates || (r.InternalClient is { } client && context.Network.IsForeign(client))) return;
        bool named = r.Description?.Contains(CampaignDescription, StringComparison.OrdinalIgnoreCase) == true;
        if (!named && !PortClasses.IsWindowsSharing(r.InternalPort)) return;
        var why = named ? "the EternalSilence campaign's description" : $"Windows file sharing port {r.InternalPort}";
        context.Raise(Rule, r.Packet, MappingText.Protocol(r),
            $"{MappingText.Describe(r)} by {r.Requester} exposes {why}; {MappingText.Outcome(m)}",
            MappingText.Judge(Rule.Severity, m));
    }
}
