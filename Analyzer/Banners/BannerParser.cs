namespace Analyzer.Banners;

/// <summary>
/// Reads the UPnP stack from a SERVER or User-Agent value. The stacks of THREATS.md section 2 are found anywhere in
/// the text, in any case (older miniupnpd wrote <c>miniupnpd/1.0</c>, newer <c>MiniUPnPd/2.1</c>); otherwise the
/// product token of the UDA format <c>OS/version UPnP/1.0 product/version</c> is taken, or the first
/// <c>name/version</c> token of a text without <c>UPnP/</c>.
/// </summary>
public static class BannerParser
{
    /// <summary>Longest banner read; real ones are under 200 characters.</summary>
    public const int MaxBannerChars = 512;

    private static readonly (string Token, string Stack, bool SlashVersion)[] Known =
    [
        ("MiniUPnPd/", KnownStacks.MiniUpnpd, true),
        ("MiniUPnPc/", KnownStacks.MiniUpnpc, true),
        ("MiniSSDPd/", KnownStacks.MiniSsdpd, true),
        ("Portable SDK for UPnP devices", KnownStacks.Libupnp, false),
        ("Intel SDK for UPnP devices", KnownStacks.IntelSdk, false),
        ("Huawei-ATP-IGD", KnownStacks.HuaweiAtpIgd, false),
        ("eSSDP/", KnownStacks.EvilSsdp, true),
    ];

    private static readonly char[] Separators = [' ', ',', '\t', ';'];

    /// <summary>The stack named by <paramref name="banner"/>, or null when it names none.</summary>
    public static StackBanner? Parse(string? banner)
    {
        if (string.IsNullOrWhiteSpace(banner)) return null;
        var text = banner.Length > MaxBannerChars ? banner[..MaxBannerChars] : banner;
        foreach (var (token, stack, slashVersion) in Known)
        {
            int at = text.IndexOf(token, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var after = text.AsSpan(at + token.Length);
            if (!slashVersion)
            {
                // "Portable SDK for UPnP devices/1.6.18", "… devices 1.6.6" and "… devices" (no version) all occur.
                after = after.TrimStart();
                if (after.StartsWith("/")) after = after[1..];
            }
            return new StackBanner(stack, StackVersion.TryParse(after, out var v) ? v : null, banner);
        }
        return ParseProduct(text, banner);
    }

    private static StackBanner? ParseProduct(string text, string banner)
    {
        var tokens = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        int upnp = Array.FindIndex(tokens, t => t.StartsWith("UPnP/", StringComparison.OrdinalIgnoreCase));
        string? product = null;
        if (upnp >= 0)
        {
            for (int i = tokens.Length - 1; i > upnp && product is null; i--)
                if (IsProduct(tokens[i])) product = tokens[i];
        }
        else
        {
            product = tokens.FirstOrDefault(IsProduct);
        }
        if (product is null) return null;
        int slash = product.IndexOf('/');
        return new StackBanner(product[..slash], StackVersion.TryParse(product.AsSpan(slash + 1), out var v) ? v : null, banner);
    }

    private static bool IsProduct(string token) =>
        token.IndexOf('/') > 0
        && !token.StartsWith("UPnP/", StringComparison.OrdinalIgnoreCase)
        && !token.StartsWith("DLNADOC/", StringComparison.OrdinalIgnoreCase);
}
