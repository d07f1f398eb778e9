using Analyzer.Decoding.Soap;
using Analyzer.Events;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>soap-miniupnpd-missing-args</c> (CVE-2019-12108/12109/12110): an IGD action whose body leaves out
/// input arguments the service defines — AddPortMapping without NewPortMappingDescription, GetOutboundPinholeTimeout
/// without its ports, AddAnyPortMapping without NewProtocol — which miniupnpd ≤ 2.1 dereferences as NULL. UPnP
/// libraries always send every argument. High for the omissions the CVEs name, medium for any other.
/// </summary>
public sealed class MissingArgumentsRule : IRule
{
    public static readonly RuleInfo Rule = new("soap-miniupnpd-missing-args", AlertCategory.ExploitAttempt, Severity.Medium,
        "An IGD SOAP action that omits required arguments (miniupnpd NULL dereferences, CVE-2019-12108/12109/12110)");

    private static readonly (string Action, string Argument)[] Crashing =
    [
        ("AddPortMapping", "NewPortMappingDescription"),
        ("AddAnyPortMapping", "NewProtocol"),
        ("GetOutboundPinholeTimeout", "InternalPort"),
        ("GetOutboundPinholeTimeout", "RemotePort"),
        ("GetOutboundPinholeTimeout", "Protocol"),
    ];

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        // A body with a DTD or nesting past the parser's limit is the XML rule's; its arguments were not all read.
        if (e is not SoapRequest { MissingArguments: { Count: > 0 } missing } r || r.Incomplete || r.BodyTruncated || r.Evidence.Any) return;
        bool crashing = Crashing.Any(c => c.Action == r.Action && missing.Contains(c.Argument));
        context.Raise(Rule, e.Packet, ProtocolNames.Soap,
            $"{r.Action} to {r.ControlUrl} without {string.Join(", ", missing)} ({r.ArgumentCount} arguments sent){(crashing ? ": the omission that crashes miniupnpd <= 2.1" : "")}",
            crashing ? Severity.High : null);
    }
}
