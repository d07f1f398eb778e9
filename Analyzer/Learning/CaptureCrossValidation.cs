namespace Analyzer.Learning;

/// <summary>
/// K-fold cross-validation by capture, for captures that are also training data (the real benign captures): each fold
/// of them is held out in turn, a model is trained on every other training window, and the held-out captures are
/// scored as <c>analyze --no-rules</c> would. Captures of one group (<see cref="CaptureLabels.Group"/>: one source or
/// device) stay in one fold, so that near-duplicates never sit on both sides. It measures what the model does on real
/// traffic it never saw, which evaluating the saved model on its own training captures cannot.
/// </summary>
public static class CaptureCrossValidation
{
    /// <summary>Most folds asked for: more would train a model per capture for no better estimate.</summary>
    public const int MaxFolds = 100;

    /// <summary>One fold: the captures held out, how the model trained without them did on them, and (when captures to
    /// evaluate on were given) on those.</summary>
    public sealed record Fold(int Number, IReadOnlyList<CaptureLabels> HeldOut, ModelEvaluation HeldOutResult, ModelEvaluation? Evaluation);

    /// <summary>
    /// Deals the groups of <paramref name="captures"/> into at most <paramref name="folds"/> folds (fewer when there are
    /// fewer groups), deterministically for a seed: groups in name order, shuffled with the seed, then the larger
    /// first, each to the fold with the fewest captures so far (the first on a tie). Each fold keeps capture order.
    /// </summary>
    public static List<List<CaptureLabels>> Assign(IReadOnlyList<CaptureLabels> captures, int folds, int seed)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), "at least two folds");
        var groups = captures.GroupBy(c => c.Group, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();
        var random = new Random(seed);
        for (int i = groups.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (groups[i], groups[j]) = (groups[j], groups[i]);
        }
        var result = Enumerable.Range(0, Math.Min(folds, groups.Count)).Select(_ => new List<CaptureLabels>()).ToList();
        foreach (var group in groups.OrderByDescending(g => g.Count))
        {
            var smallest = result.MinBy(f => f.Count)!;
            smallest.AddRange(group);
        }
        var order = new Dictionary<CaptureLabels, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < captures.Count; i++) order[captures[i]] = i;
        foreach (var fold in result) fold.Sort((a, b) => order[a].CompareTo(order[b]));
        return result;
    }

    /// <summary>
    /// Trains one model per fold of <paramref name="crossCaptures"/> (which must be among the captures of
    /// <paramref name="training"/>) on every training window outside the fold and scores the fold's windows; each
    /// model is also scored on <paramref name="evaluationCaptures"/> when there are any. <paramref name="options"/>
    /// should fix the rank, so that each fold costs one training.
    /// </summary>
    public static List<Fold> Run(IReadOnlyList<LabeledWindow> training, IReadOnlyList<CaptureLabels> crossCaptures, int folds,
        IReadOnlyList<CaptureLabels> evaluationCaptures, IReadOnlyList<LabeledWindow> evaluationWindows, AnomalyTrainerOptions options)
    {
        var results = new List<Fold>();
        var assigned = Assign(crossCaptures, folds, options.Seed);
        for (int f = 0; f < assigned.Count; f++)
        {
            var heldOut = assigned[f];
            var paths = heldOut.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
            var model = AnomalyModelTrainer.Train(training.Where(w => !paths.Contains(w.Window.Capture)).ToList(), options).Model;
            var heldOutResult = ModelEvaluation.Evaluate(model, heldOut, training.Where(w => paths.Contains(w.Window.Capture)).ToList());
            var evaluation = evaluationCaptures.Count == 0 ? null : ModelEvaluation.Evaluate(model, evaluationCaptures, evaluationWindows);
            results.Add(new Fold(f + 1, heldOut, heldOutResult, evaluation));
        }
        return results;
    }
}
