using Analyzer.Decoding;
using Analyzer.Events;

namespace Analyzer.Banners;

/// <summary>
/// The stack each host last advertised in a SERVER header (SSDP, HTTP), for rules whose severity depends on the
/// target's stack. Only tabulated stacks are kept.
/// </summary>
public sealed class ServerBanners
{
    public const int MaxHosts = 4096;

    private readonly BoundedTable<NetAddress, StackBanner> _stacks = new(MaxHosts);
    private readonly List<BannerSighting> _sightings = [];
    private readonly BannerCache _banners = new();

    public void Observe(AnalyzerEvent e)
    {
        _sightings.Clear();
        BannerSources.Collect(e, _sightings);
        foreach (var s in _sightings)
            if (s.Header == "SERVER" && _banners.Parse(s.Text) is { IsKnown: true } banner) _stacks.Set(s.Device, banner);
    }

    public StackBanner? Of(NetAddress host) => _stacks.TryGet(host, out var banner) ? banner : null;
}
