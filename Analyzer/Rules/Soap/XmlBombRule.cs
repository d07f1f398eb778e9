using Analyzer.Decoding.Description;
using Analyzer.Decoding.Dial;
using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Soap;
using Analyzer.Events;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>soap-xml-xxe-bomb</c> (CVE-2021-28302, CVE-2015-6031, evil-ssdp XXE templates, and
/// <c>ssdp-rogue-device</c> (e)): a DOCTYPE or ENTITY declaration, nesting past the parser's depth limit, or an
/// oversized element name in any UPnP XML — a SOAP request or response, a GENA event, a device description, a DIAL
/// document. UPnP never needs a DTD; a legitimate stack never sends one. Malformed XML alone does not count.
/// </summary>
public sealed class XmlBombRule : IRule
{
    public static readonly RuleInfo Rule = new("soap-xml-xxe-bomb", AlertCategory.ExploitAttempt, Severity.High,
        "DOCTYPE/ENTITY, excessive nesting or an oversized element name in UPnP XML (SOAP, GENA, device description, DIAL)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        var evidence = e switch
        {
            SoapRequest r => r.Evidence,
            SoapResponse r => r.Evidence,
            GenaMessage g => g.Evidence,
            DescriptionMessage d => d.Description.Evidence,
            DialMessage d => d.Evidence,
            _ => default,
        };
        if (!evidence.Doctype && !evidence.Entity && !evidence.TooDeep && !evidence.LongName) return;
        var what = e switch
        {
            SoapRequest r => $"SOAP {r.Action} request to {r.ControlUrl}",
            SoapResponse r => $"SOAP {r.Message}",
            GenaMessage g => $"GENA {g.Kind}",
            DescriptionMessage d => $"device description {d.Location}",
            _ => $"DIAL {e.Message}",
        };
        var found = new List<string>();
        if (evidence.Doctype) found.Add("DOCTYPE");
        if (evidence.Entity) found.Add("ENTITY");
        if (evidence.TooDeep) found.Add($"nesting over {SafeXml.MaxDepth}");
        if (evidence.LongName) found.Add($"an element name over {SafeXml.MaxNameLength}");
        context.Raise(Rule, e.Packet, e.Protocol, $"{what} from {e.Packet.Src} carries {string.Join(", ", found)}");
    }
}
