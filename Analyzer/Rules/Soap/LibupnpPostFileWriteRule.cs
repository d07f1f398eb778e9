using Analyzer.Decoding;
using Analyzer.Decoding.Description;
using Analyzer.Decoding.Http;
using Analyzer.Events;
using Analyzer.Rules.Banners;
using Analyzer.Rules.Gena;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>soap-libupnp-post-file-write</c> (CVE-2016-6255, libupnp &lt; 1.6.21): a POST with a body, neither
/// control nor DIAL/Cast, to the HTTP server of a host whose banner is libupnp (or its Intel SDK ancestor), at a path
/// that is none of the device's control URLs when its whole description was seen. Those stacks wrote such bodies into
/// their web root. Only libupnp is judged: other UPnP servers (a Hue bridge's REST API, say) take POSTs by design.
/// High when the banner is older than 1.6.21, carries no version or is the Intel SDK; medium otherwise.
/// </summary>
public sealed class LibupnpPostFileWriteRule : IRule
{
    public static readonly RuleInfo Rule = new("soap-libupnp-post-file-write", AlertCategory.ExploitAttempt, Severity.High,
        "A POST with a body to a libupnp web server outside its control URLs: the web-root file write of libupnp < 1.6.21 (CVE-2016-6255)");

    public const int MaxDevices = 1024;

    private static readonly StackVersion FixedIn = StackVersion.Parse("1.6.21");

    private readonly ServerBanners _banners = new();
    private readonly BannerCache _responseBanners = new();
    private readonly BoundedTable<(NetAddress Host, int Port), HashSet<string>> _controlPaths = new(MaxDevices);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        _banners.Observe(e);
        if (e is DescriptionMessage d) Learn(d);
        if (e is not UpnpServerPost { BodyLength: > 0 } post) return;

        var server = e.Packet.Dst;
        var banner = (post.Server is null ? null : _responseBanners.Parse(post.Server)) ?? _banners.Of(server);
        if (banner is not { Stack: KnownStacks.Libupnp or KnownStacks.IntelSdk }) return;
        if (_controlPaths.TryGet((server, e.Packet.DstPort), out var paths) && paths.Contains(post.Path)) return;

        bool vulnerable = banner.Stack == KnownStacks.IntelSdk || banner.Version is null || banner.Version < FixedIn;
        context.Raise(Rule, e.Packet, ProtocolNames.Http,
            $"POST {Evidence.Quote(post.Path, -1, 120)} to {server}:{e.Packet.DstPort} ({banner}) with {post.BodyLength} body bytes" +
            $"{(post.ContentType is null ? "" : $" of {Evidence.Quote(post.ContentType, -1, 60)}")}, no SOAP control" +
            $"{(paths is null ? "" : $", none of the device's {paths.Count} control URLs")}{(post.Status == 0 ? "" : $"; answered {post.Status}")}",
            vulnerable ? null : Severity.Medium);
    }

    private void Learn(DescriptionMessage d)
    {
        var description = d.Description;
        // A capped service list says nothing of the services left out.
        if (d.Status != 200 || description.ServiceCount > description.Services.Count || description.Services.Count == 0) return;
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in description.Services)
            if (MalformedSubscribeRule.EventPath(s.ControlUrl, description.UrlBase ?? d.Location) is { } p) paths.Add(p);
        if (paths.Count > 0) _controlPaths.Set((d.Packet.Src, d.Packet.SrcPort), paths);
    }
}
