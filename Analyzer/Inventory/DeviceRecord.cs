using Analyzer.Decoding;
using Analyzer.Rules.Banners;

namespace Analyzer.Inventory;

/// <summary>
/// What the inventory knows of one device (one LAN address): identifiers, banners and the stack they name, the
/// device and service types it advertises, its description fields, the protocols it spoke, and when. Every list
/// and string is capped.
/// </summary>
public sealed class DeviceRecord(NetAddress address, long firstSeenUs)
{
    /// <summary>Values kept per list (UDNs, banners, locations); services and device types keep more.</summary>
    public const int MaxValues = 8;
    public const int MaxTypes = 32;
    /// <summary>Characters kept per value.</summary>
    public const int MaxValueChars = 256;

    public NetAddress Address { get; } = address;
    public ulong Mac { get; set; }
    public long FirstSeenUs { get; } = firstSeenUs;
    public long LastSeenUs { get; set; } = firstSeenUs;
    public List<string> Udns { get; } = [];
    public List<string> Servers { get; } = [];
    public List<string> UserAgents { get; } = [];
    public List<string> Locations { get; } = [];
    public List<string> DeviceTypes { get; } = [];
    public List<string> Services { get; } = [];
    public SortedSet<string> Protocols { get; } = new(StringComparer.Ordinal);
    public List<StackBanner> Stacks { get; } = [];
    public string? FriendlyName { get; set; }
    public string? Manufacturer { get; set; }
    public string? Model { get; set; }

    /// <summary>The stack the device is listed with: the first known one (a tabulated stack), else the first seen.</summary>
    public StackBanner? Stack => Stacks.FirstOrDefault(s => s.IsKnown) ?? Stacks.FirstOrDefault();

    /// <summary>CVEs and advisories of every tabulated stack the device named.</summary>
    public (IReadOnlyList<string> Cves, IReadOnlyList<string> Advisories) Vulnerabilities()
    {
        var cves = new SortedSet<string>(StringComparer.Ordinal);
        var advisories = new List<string>();
        foreach (var stack in Stacks)
        {
            var (c, a) = KnownVulnerabilities.For(stack);
            cves.UnionWith(c);
            foreach (var x in a)
                if (!advisories.Contains(x)) advisories.Add(x);
        }
        return ([.. cves], advisories);
    }

    /// <summary>Adds a value to a list unless present or the list is full.</summary>
    public static void Add(List<string> list, string? value, int max = MaxValues)
    {
        if (string.IsNullOrWhiteSpace(value) || list.Count >= max) return;
        var v = value.Length > MaxValueChars ? value[..MaxValueChars] : value;
        if (!list.Contains(v, StringComparer.Ordinal)) list.Add(v);
    }

    /// <summary>
    /// Adds a UDN as the device wrote it; UDNs are compared without case (a device may write its UUID in upper case
    /// in one message and lower in another), the first spelling seen is kept.
    /// </summary>
    public static void AddUdn(List<string> list, string value)
    {
        if (string.IsNullOrWhiteSpace(value) || list.Count >= MaxValues) return;
        var v = value.Length > MaxValueChars ? value[..MaxValueChars] : value;
        if (!list.Contains(v, StringComparer.OrdinalIgnoreCase)) list.Add(v);
    }

    public void AddStack(StackBanner? banner)
    {
        if (banner is null || Stacks.Count >= MaxValues) return;
        if (!Stacks.Any(s => s.Stack == banner.Stack && s.Version?.Text == banner.Version?.Text)) Stacks.Add(banner);
    }
}
