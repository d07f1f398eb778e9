namespace Analyzer.Learning;

/// <summary>
/// How a model does on labelled captures, counted as a user sees it with the rules off (every flagged window is an
/// alert): the attack instances of each category it flags (an instance counts when a window of its attacker, or of
/// its victim when the attack has many sources, overlapping its time range is flagged), and its false alerts: flagged
/// benign windows, per benign capture and on the benign hosts of attack captures.
/// </summary>
public sealed record ModelEvaluation
{
    /// <summary>Instances flagged and present, by category (CATEGORIES.md), in category order.</summary>
    public required IReadOnlyList<(string Category, int Flagged, int Instances)> Categories { get; init; }
    /// <summary>Instances not flagged: capture, category and attacker (or victim).</summary>
    public required IReadOnlyList<string> Missed { get; init; }
    /// <summary>Flagged benign windows: capture, host and window start.</summary>
    public required IReadOnlyList<string> FalseAlerts { get; init; }
    public required int BenignCaptures { get; init; }
    /// <summary>Flagged windows in captures labelled benign as a whole: false alerts.</summary>
    public required int BenignCaptureAlerts { get; init; }
    /// <summary>Flagged benign windows in captures with attacks (hosts that attacked nothing).</summary>
    public required int BystanderAlerts { get; init; }
    /// <summary>Captures (benign or with attacks) with at least one flagged benign window.</summary>
    public required int CapturesWithFalseAlerts { get; init; }
    public required int BenignWindows { get; init; }
    public required int FlaggedBenignWindows { get; init; }

    public int Instances => Categories.Sum(c => c.Instances);
    public int Flagged => Categories.Sum(c => c.Flagged);

    /// <summary>Flagged share of the instances of <paramref name="categories"/> (all when empty); null when there are none.</summary>
    public double? Recall(params string[] categories)
    {
        var chosen = Categories.Where(c => categories.Length == 0 || categories.Contains(c.Category)).ToList();
        int instances = chosen.Sum(c => c.Instances);
        return instances == 0 ? null : (double)chosen.Sum(c => c.Flagged) / instances;
    }

    public static ModelEvaluation Evaluate(AnomalyModel model, IReadOnlyList<CaptureLabels> captures, IReadOnlyList<LabeledWindow> windows)
    {
        var scorer = new AnomalyScorer(model);
        var why = new Dictionary<LabeledWindow, string>(ReferenceEqualityComparer.Instance);
        var flagged = new List<LabeledWindow>();
        foreach (var w in windows.Where(w => w.Label != WindowLabel.Excluded))
        {
            double score = scorer.Score(w.Window.Features);
            if (score < model.Threshold) continue;
            flagged.Add(w);
            why[w] = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"detector {scorer.DetectorScore / model.Metadata.DetectorThreshold:0.##} of its threshold, not benign {scorer.AttackProbability:0.00}");
        }
        return Count(captures, windows, flagged, w => why[w]);
    }

    /// <summary>Counts instances and false alerts given the flagged windows.</summary>
    public static ModelEvaluation Count(IReadOnlyList<CaptureLabels> captures, IReadOnlyList<LabeledWindow> windows, IReadOnlyList<LabeledWindow> flagged,
        Func<LabeledWindow, string>? why = null)
    {
        var byCapture = flagged.ToLookup(w => w.Window.Capture, StringComparer.Ordinal);
        var tally = new SortedDictionary<string, (int Flagged, int Instances)>(StringComparer.Ordinal);
        var missed = new List<string>();
        foreach (var capture in captures)
        {
            foreach (var a in capture.Attacks)
            {
                var host = a.Attacker ?? a.Victim;
                bool hit = byCapture[capture.Path].Any(w => w.Window.Host == host && !(w.Window.StartUs > a.EndUs || a.StartUs >= w.Window.EndUs));
                var (f, n) = tally.GetValueOrDefault(a.Category);
                tally[a.Category] = (f + (hit ? 1 : 0), n + 1);
                if (!hit) missed.Add($"{Path.GetFileName(capture.Path)}: {a.Category} by {host}");
            }
        }
        var benignFiles = captures.Where(c => c.FileLabel == CaptureLabels.Benign && c.Attacks.Count == 0).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        var flaggedBenign = flagged.Where(w => w.Label == WindowLabel.Benign).ToList();
        return new ModelEvaluation
        {
            Categories = tally.Select(kv => (kv.Key, kv.Value.Flagged, kv.Value.Instances)).ToList(),
            Missed = missed,
            FalseAlerts = flaggedBenign.Select(w => $"{Path.GetFileName(w.Window.Capture)}: {w.Window.Host} at {Timestamp.Format(w.Window.StartUs)}{(why is null ? "" : $" ({why(w)})")}").ToList(),
            BenignCaptures = benignFiles.Count,
            BenignCaptureAlerts = flaggedBenign.Count(w => benignFiles.Contains(w.Window.Capture)),
            BystanderAlerts = flaggedBenign.Count(w => !benignFiles.Contains(w.Window.Capture)),
            CapturesWithFalseAlerts = flaggedBenign.Select(w => w.Window.Capture).Distinct(StringComparer.Ordinal).Count(),
            BenignWindows = windows.Count(w => w.Label == WindowLabel.Benign),
            FlaggedBenignWindows = flaggedBenign.Count,
        };
    }
}
