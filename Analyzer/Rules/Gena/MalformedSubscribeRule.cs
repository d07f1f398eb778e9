using Analyzer.Decoding;
using Analyzer.Decoding.Description;
using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Http;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Gena;

/// <summary>
/// THREATS.md <c>gena-libupnp-malformed-subscribe</c> (CVE-2020-13848, libupnp ≤ 1.12.1): a SUBSCRIBE that is neither
/// a subscription (NT) nor a renewal (SID), an UNSUBSCRIBE without SID, or a SUBSCRIBE/UNSUBSCRIBE to a path that is
/// none of the device's event URLs when its whole description was seen. libupnp looked up the service by path and
/// dereferenced NULL. Renewals with an unknown SID after a device reboot are normal and never fire.
/// </summary>
public sealed class MalformedSubscribeRule : IRule
{
    public static readonly RuleInfo Rule = new("gena-libupnp-malformed-subscribe", AlertCategory.ExploitAttempt, Severity.Medium,
        "A GENA SUBSCRIBE without NT or SID, an UNSUBSCRIBE without SID, or one to a path that is no event URL of the device (libupnp CVE-2020-13848)");

    public const int MaxDevices = 1024;

    private readonly BoundedTable<(NetAddress Host, int Port), HashSet<string>> _eventPaths = new(MaxDevices);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is DescriptionMessage d) Learn(d);
        if (e is not GenaMessage { MessageKind: GenaMessageKind.Subscribe or GenaMessageKind.Unsubscribe } g) return;
        string? why = null;
        if (g.MessageKind == GenaMessageKind.Subscribe && g.Nt is null && g.Sid is null) why = "neither NT nor SID";
        else if (g.MessageKind == GenaMessageKind.Unsubscribe && g.Sid is null) why = "no SID";
        else if (g.Path is { } path && _eventPaths.TryGet((e.Packet.Dst, e.Packet.DstPort), out var paths) && !paths.Contains(path))
            why = $"path {Evidence.Quote(path, -1, 80)} is none of the device's {paths.Count} event URLs";
        if (why is null) return;
        context.Raise(Rule, e.Packet, ProtocolNames.Gena, $"{g.Kind} {g.Path} to {e.Packet.Dst}:{e.Packet.DstPort} with {why}");
    }

    private void Learn(DescriptionMessage d)
    {
        var description = d.Description;
        // A capped service list says nothing of the services left out.
        if (d.Status != 200 || description.ServiceCount > description.Services.Count || description.Services.Count == 0) return;
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in description.Services)
            if (EventPath(s.EventSubUrl, description.UrlBase ?? d.Location) is { } p) paths.Add(p);
        if (paths.Count > 0) _eventPaths.Set((d.Packet.Src, d.Packet.SrcPort), paths);
    }

    /// <summary>The path an eventSubURL names: absolute URLs keep their path, relative ones resolve against the base.</summary>
    public static string? EventPath(string? url, string baseUrl)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        url = url.Trim();
        if (url.Contains("://", StringComparison.Ordinal)) return UrlParts.TryParse(url, out var abs) ? StripQuery(abs.Path) : null;
        if (url.StartsWith('/')) return StripQuery(url);
        var basePath = UrlParts.TryParse(baseUrl, out var b) ? b.Path : "/";
        int slash = basePath.LastIndexOf('/');
        return StripQuery(basePath[..(slash + 1)] + url);
    }

    private static string StripQuery(string path)
    {
        int q = path.IndexOfAny(['?', '#']);
        return q < 0 ? path : path[..q];
    }
}
