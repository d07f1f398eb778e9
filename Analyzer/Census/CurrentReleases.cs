using Analyzer.Rules.Banners;

namespace Analyzer.Census;

/// <summary>
/// The one table of current stack releases the census calls a version outdated against. A version below the current
/// release of its series is outdated; a version of a series older than every listed one is outdated; a newer series
/// is not. Stacks not listed here are never called outdated (their CVEs, if any, still are reported).
/// Checked on 2026-12-05; update it when a stack releases.
/// </summary>
public static class CurrentReleases
{
    private static StackVersion V(string text) => StackVersion.Parse(text);

    public const string CheckedOn = "2026-12-05";

    public static readonly IReadOnlyList<CurrentRelease> Table =
    [
        // THREATS.md §1 read miniupnp at HEAD b91c025 = miniupnpd 2.3.11; its last Changelog entry is 2026/04/07.
        new(KnownStacks.MiniUpnpd, null, V("2.3.11"), "2026-04", "miniupnpd Changelog.txt (THREATS.md §1)"),
        // Distribution updates to miniupnpc 2.3.3 date from 2025-05.
        new(KnownStacks.MiniUpnpc, null, V("2.3.3"), "2025-05", "miniupnpc CHANGELOG.md; distribution package updates"),
        // pupnp maintains 1.14.x and 1.18.x side by side; distribution updates name 1.14.31 and 1.18.5.
        new(KnownStacks.Libupnp, "1.14", V("1.14.31"), null, "pupnp release tags; distribution package updates"),
        new(KnownStacks.Libupnp, "1.18", V("1.18.5"), null, "pupnp release tags; distribution package updates"),
    ];

    /// <summary>The release a version is measured against: that of its series, else the stack's newest.</summary>
    public static CurrentRelease? For(string stack, StackVersion? version)
    {
        var rows = Table.Where(r => r.Stack == stack).ToList();
        if (rows.Count == 0) return null;
        if (version is not null && version.Parts.Count >= 2)
        {
            var series = $"{version.Parts[0]}.{version.Parts[1]}";
            if (rows.FirstOrDefault(r => r.Series == series) is { } same) return same;
        }
        return rows.MaxBy(r => r.Version);
    }

    /// <summary>
    /// True when <paramref name="version"/> is older than the current release it is measured against: below it in
    /// the same series, or in a series older than every maintained one. False for unlisted stacks and no version.
    /// </summary>
    public static bool IsOutdated(string stack, StackVersion? version)
    {
        if (version is null || For(stack, version) is not { } current) return false;
        if (current.Series is null) return version < current.Version;
        var series = $"{version.Parts[0]}.{(version.Parts.Count > 1 ? version.Parts[1] : 0)}";
        if (series == current.Series) return version < current.Version;
        return Table.Where(r => r.Stack == stack).All(r => version < r.Version);
    }
}
