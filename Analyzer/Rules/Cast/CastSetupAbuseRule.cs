using Analyzer.Decoding.Cast;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Cast;

/// <summary>
/// THREATS.md <c>cast-setup-abuse</c>: the Cast local API used to do damage. A factory reset
/// (<c>/setup/reboot {"params":"fdr"}</c>) from anywhere is critical; forgetting the Wi-Fi from anywhere is high; any
/// other state-changing /setup/ request from outside the LAN is high; a state-changing request on the HTTPS port
/// (8443) without the local authorization token is medium. The Google Home app reboots, renames and pairs on the LAN
/// and never fires.
/// </summary>
public sealed class CastSetupAbuseRule : IRule
{
    public static readonly RuleInfo Rule = new("cast-setup-abuse", AlertCategory.RogueCast, Severity.High,
        "Cast /setup/ abuse: factory reset or forget Wi-Fi from anywhere, any setup change from a non-LAN host, or on 8443 without the auth token");

    public const ushort SecureSetupPort = 8443;

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not CastMessage { Status: null } c || c.Method is "GET" or "HEAD" or null) return;
        var p = e.Packet;
        string what = $"{c.Method} /setup/{c.Endpoint}{(c.Params is null ? "" : $" params {Evidence.Quote(c.Params, -1, 40)}")} on {p.Dst}:{p.DstPort} from {p.Src}";
        if (c.Endpoint == "reboot" && string.Equals(c.Params?.Trim(), "fdr", StringComparison.OrdinalIgnoreCase))
            context.Raise(Rule, p, ProtocolNames.Cast, $"factory reset: {what}", Severity.Critical);
        else if (c.Endpoint == "forget_wifi")
            context.Raise(Rule, p, ProtocolNames.Cast, $"Wi-Fi forgotten: {what}");
        else if (context.Network.IsForeign(p.Src))
            context.Raise(Rule, p, ProtocolNames.Cast, $"setup change from outside the LAN: {what}");
        else if (p.DstPort == SecureSetupPort && !c.AuthToken)
            context.Raise(Rule, p, ProtocolNames.Cast, $"setup change without cast-local-authorization-token: {what}", Severity.Medium);
    }
}
