using Analyzer.Decoding;
using Analyzer.Labels;

namespace Analyzer.Learning;

/// <summary>
/// The labels of one capture file, and the rule that labels its host windows (docs/model.md):
/// a window is an attack window when its host is the attacker of an attack instance (or its victim, when the attack
/// comes from many sources) and the window overlaps the instance's time range; the victim's own windows during an
/// attack by a known attacker are excluded (they show the attack's effect, not an attacker). A file labelled with a
/// category and no instances is an attack throughout; one labelled <c>mixed</c> without instances is excluded;
/// every other window is benign.
/// </summary>
/// <param name="group">What produced the capture (a scenario, a source or a device): captures of one group are
/// held out together in cross-validation (<see cref="CaptureCrossValidation"/>). Empty or null: the capture alone.</param>
public sealed class CaptureLabels(string path, string fileLabel, IReadOnlyList<AttackSpan> attacks, string? group = null)
{
    public const string Benign = LabelNames.Benign;
    public const string Mixed = LabelNames.Mixed;

    public string Path { get; } = path;
    public string FileLabel { get; } = fileLabel;
    public IReadOnlyList<AttackSpan> Attacks { get; } = attacks;
    public string Group { get; } = group is { Length: > 0 } ? group : path;

    public WindowLabel LabelOf(NetAddress host, long startUs, long endUs)
    {
        bool victim = false;
        foreach (var a in Attacks)
        {
            if (startUs > a.EndUs || a.StartUs >= endUs) continue;
            if (a.Attacker is { } attacker ? attacker == host : a.Victim == host) return WindowLabel.Attack;
            if (a.Victim == host) victim = true;
        }
        if (victim) return WindowLabel.Excluded;
        if (Attacks.Count > 0) return WindowLabel.Benign;
        return FileLabel switch
        {
            Benign => WindowLabel.Benign,
            Mixed => WindowLabel.Excluded,
            _ => WindowLabel.Attack,
        };
    }

    public WindowLabel LabelOf(HostWindow w) => LabelOf(w.Host, w.StartUs, w.EndUs);

    /// <summary>
    /// The alert category of an attack window (<see cref="CategoryWords.Benign"/> otherwise): of the instances it
    /// belongs to, the one <see cref="CategoryWords.Rank"/> prefers; the file's label for a file without instances.
    /// </summary>
    public string CategoryOf(HostWindow w)
    {
        if (LabelOf(w) != WindowLabel.Attack) return CategoryWords.Benign;
        if (Attacks.Count == 0) return FileLabel;
        return Attacks.Where(a => !(w.StartUs > a.EndUs || a.StartUs >= w.EndUs) && (a.Attacker is { } attacker ? attacker == w.Host : a.Victim == w.Host))
            .Select(a => a.Category)
            .OrderBy(CategoryWords.Rank).ThenBy(c => c, StringComparer.Ordinal)
            .First();
    }
}
