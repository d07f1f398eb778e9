using Analyzer.Rules.Banners;

namespace Analyzer.Census;

/// <summary>
/// The newest release of a UPnP stack (of one release series, when several are maintained side by side), when it
/// came out, and where that was read.
/// </summary>
/// <param name="Stack">The stack as the banner parser names it (<see cref="KnownStacks"/>).</param>
/// <param name="Series">"major.minor" of a maintained series, or null when the stack has one line of releases.</param>
/// <param name="Released">Year and month of the release ("2026-04"), or null where no date was confirmed.</param>
public sealed record CurrentRelease(string Stack, string? Series, StackVersion Version, string? Released, string Source);
