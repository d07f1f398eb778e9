using System.Net;

namespace Analyzer.Generation.Scenarios;

/// <summary>One attack inside a capture, as the labels record it (times in µs since the Unix epoch).</summary>
/// <param name="Attacker">Source of the attack packets as they appear on the wire; null when there are many.</param>
public sealed record AttackInstance(string Category, string Threat, IPAddress? Attacker, IPAddress Victim, long StartUs, long EndUs,
    string Detail);
