using Analyzer.Decoding;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-rogue-device</c> (b): a responder that echoes whatever was searched for. evil-ssdp answers
/// <c>ST: $requestedST</c>, so it replies <c>ST: ssdp:all</c> (a real device answers ssdp:all with its own types) and
/// answers random canary targets (detect_evil-ssdp). A reply whose ST is ssdp:all fires at once; otherwise a
/// responder that answers two or more distinct non-standard targets (not ssdp:all, upnp:rootdevice, uuid: or
/// urn:…:device|service:…) within the window fires. Vendor targets such as <c>roku:ecp</c> are answered by one
/// kind of device each and never in pairs.
/// </summary>
public sealed class RogueEchoRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-rogue-echo", AlertCategory.RogueDevice, Severity.High,
        "An SSDP responder echoes the searched target: replies with ST ssdp:all, or answers several distinct non-standard (canary) targets");

    /// <summary>Responders tracked, and the window their odd answers are counted in.</summary>
    public const int MaxResponders = 1024;
    public const int OddTargetsToFire = 2;
    public const long OddTargetWindowUs = 600_000_000;

    private readonly BoundedTable<NetAddress, DistinctWindow<string>> _oddAnswers = new(MaxResponders);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage { Kind: SsdpKind.Response } ssdp || ssdp.St is not { Length: > 0 } st) return;
        if (SsdpTargets.Is(st, SsdpTargets.All))
        {
            context.Raise(Rule, e.Packet, ProtocolNames.Ssdp,
                $"{e.Packet.Src} answers a search with ST ssdp:all, an echo of the request (USN {Evidence.Quote(ssdp.Usn ?? "")}, LOCATION {Evidence.Quote(ssdp.Location ?? "")})");
            return;
        }
        if (SsdpTargets.IsStandard(st)) return;
        var answers = _oddAnswers.GetOrAdd(e.Packet.Src, () => new DistinctWindow<string>(OddTargetsToFire + 1));
        bool isNew = !answers.Contains(st);
        if (answers.Add(st, e.Packet.TimestampUs, OddTargetWindowUs) < OddTargetsToFire || !isNew) return;
        context.Raise(Rule, e.Packet, ProtocolNames.Ssdp,
            $"{e.Packet.Src} answers {answers.Count} distinct non-standard search targets ({string.Join(", ", answers.Items.Select(i => Evidence.Quote(i, -1, 40)))}): it echoes whatever is searched for");
    }
}
