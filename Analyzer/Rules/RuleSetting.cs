using Analyzer.Decoding;

namespace Analyzer.Rules;

/// <summary>
/// A rule's configured state: enabled or not, a severity replacing its default, and the hosts or prefixes it never
/// alerts on (an alert whose source or destination is inside one is dropped).
/// </summary>
public sealed record RuleSetting(bool Enabled, Severity? Severity)
{
    public IReadOnlyList<IpPrefix> Allow { get; init; } = [];

    public bool Allows(NetAddress a)
    {
        foreach (var p in Allow)
            if (p.Contains(a)) return true;
        return false;
    }
}
