using Analyzer.Decoding.Soap;
using Analyzer.Events;
using Analyzer.Rules.Mapping;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>igd-control-from-wan</c> (UPnProxy's precondition): an IGD control request from outside the LAN, or
/// the IGD answering one. The IGD specification never allows WAN control; only ISP TR-064 management (another
/// service, another port) comes from outside.
/// </summary>
public sealed class ControlFromWanRule : IRule
{
    public static readonly RuleInfo Rule = new("igd-control-from-wan", AlertCategory.WanExposure, Severity.Critical,
        "An IGD SOAP control request (AddPortMapping, GetGenericPortMappingEntry, GetExternalIPAddress…) from a non-LAN host, or the IGD answering one");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        var p = e.Packet;
        var net = context.Network;
        switch (e)
        {
            case SoapRequest r when IgdServices.IsIgd(r.ServiceType) && net.IsForeign(p.Src):
                context.Raise(Rule, p, ProtocolNames.Soap,
                    $"IGD {r.Action} from {p.Src} outside the LAN to {p.Dst}:{p.DstPort}{Arguments(r)}");
                break;
            case SoapResponse { IsFault: false } r when IgdServices.IsIgd(r.ServiceType) && net.IsHome(p.Src) && net.IsForeign(p.Dst):
                context.Raise(Rule, p, ProtocolNames.Soap,
                    $"the IGD {p.Src} answered {r.Action} to {p.Dst} outside the LAN (status {r.Status}){Returned(r)}");
                break;
        }
    }

    private static string Arguments(SoapRequest r) =>
        IgdMappings.TryRequest(r, out var m, out _) ? ": " + MappingText.Describe(m)
        : r.Arguments.Count == 0 ? "" : ": " + string.Join(", ", r.Arguments.Take(4).Select(a => $"{a.Name}={Evidence.Quote(a.Value, a.Length, 60)}"));

    private static string Returned(SoapResponse r) =>
        r.Arguments.Count == 0 ? "" : ": " + string.Join(", ", r.Arguments.Take(4).Select(a => $"{a.Name}={Evidence.Quote(a.Value, a.Length, 60)}"));
}
