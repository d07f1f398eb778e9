
namespace Analyzer.Banners;

/// <summary>
/// Parsed banners by text: a device repeats the same SERVER string in every advertisement, so each distinct string
/// is parsed once. Bounded; the least recently stored is forgotten first.
/// </summary>
public sealed class BannerCache
{
    public const int MaxBanners = 1024;

    private readonly BoundedTable<string, StackBanner?> _parsed = new(MaxBanners);

    public StackBanner? Parse(string text)
    {
        if (_parsed.TryGet(text, out var banner)) return banner;
        banner = BannerParser.Parse(text);
        _parsed.Set(text, banner);
        return banner;
    }
}
