namespace Analyzer.Banners;

/// <summary>
/// The UPnP stack a banner names (SERVER or User-Agent): a stable stack name (<see cref="KnownStacks"/> or the
/// banner's own product token), its version when one is given, and the text it was read from.
/// </summary>
public sealed record StackBanner(string Stack, StackVersion? Version, string Source)
{
    /// <summary>True when the stack is one of <see cref="KnownStacks"/>, whose vulnerabilities are tabulated.</summary>
    public bool IsKnown => KnownStacks.Names.Contains(Stack);

    public override string ToString() => Version is null ? Stack : $"{Stack} {Version}";
}
