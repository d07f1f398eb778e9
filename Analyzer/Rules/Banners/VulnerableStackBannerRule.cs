using Analyzer.Decoding;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Banners;

/// <summary>
/// THREATS.md <c>ssdp-vuln-stack-banner</c> and section 2: a home device whose SERVER or User-Agent names a UPnP stack
/// version with known CVEs (compared as versions), or whose description is served where Realtek's miniigd serves
/// it. One alert per device, stack version and CVE set, however often it advertises. An asset finding, not an
/// attack: banners can be faked and vendors backport fixes.
/// </summary>
public sealed class VulnerableStackBannerRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-vuln-stack-banner", AlertCategory.VulnerableSoftware, Severity.Medium,
        "A LAN device advertises a UPnP stack version with known CVEs (SSDP/HTTP SERVER, User-Agent, Realtek miniigd description path)");

    /// <summary>(device, stack version) pairs already reported; beyond it the oldest may be reported again.</summary>
    public const int MaxReported = 4096;

    private readonly BoundedTable<(NetAddress Device, string Stack, string? Version), bool> _reported = new(MaxReported);
    private readonly List<BannerSighting> _sightings = [];
    private readonly BannerCache _banners = new();

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        _sightings.Clear();
        BannerSources.Collect(e, _sightings);
        foreach (var s in _sightings)
        {
            if (!context.Network.IsHome(s.Device)) continue;
            Report(e, s.Device, _banners.Parse(s.Text), s, context);
        }
        if (e is SsdpMessage { Kind: not SsdpKind.MSearch } ssdp && RealtekMiniigd.IsDescriptionLocation(ssdp.Location, out var host))
        {
            var device = host ?? e.Packet.Src;
            if (context.Network.IsHome(device))
                Report(e, device, new StackBanner(KnownStacks.RealtekMiniigd, null, ssdp.Location!),
                    new BannerSighting(device, "LOCATION", ssdp.Location!), context);
        }
    }

    private void Report(AnalyzerEvent e, NetAddress device, StackBanner? banner, BannerSighting sighting, RuleContext context)
    {
        if (banner is not { IsKnown: true }) return;
        var key = (device, banner.Stack, banner.Version?.Text);
        if (_reported.ContainsKey(key)) return;
        var (cves, advisories) = KnownVulnerabilities.For(banner);
        if (cves.Count == 0 && advisories.Count == 0) return;
        var evidence = $"{sighting.Header} {Evidence.Quote(sighting.Text)}";
        _reported.Set(key, true);
        var known = cves.Count > 0 ? string.Join(", ", cves) : "no CVE";
        var extra = advisories.Count > 0 ? "; also " + string.Join(", ", advisories) : "";
        context.Raise(Rule, device == e.Packet.Src ? e.Packet : e.Packet with { Src = device },
            e.Protocol,
            $"{device} runs {banner} ({evidence}): {known}{extra}; a banner only, fixes may be backported");
    }
}
