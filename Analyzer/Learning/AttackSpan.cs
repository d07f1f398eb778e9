using Analyzer.Decoding;

namespace Analyzer.Learning;

/// <summary>One attack instance of a labelled capture: who attacked whom, from when to when (µs since the epoch, inclusive).</summary>
/// <param name="Attacker">Source address of the attack packets on the wire; null when they come from many sources.</param>
public sealed record AttackSpan(NetAddress? Attacker, NetAddress? Victim, long StartUs, long EndUs, string Category);
