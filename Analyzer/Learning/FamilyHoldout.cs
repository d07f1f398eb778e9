namespace Analyzer.Learning;

/// <summary>
/// Leave-one-scenario-family-out evaluation: for each family (the scenario a capture was generated from, which is its
/// file name without extension), a model is trained without any capture of that family and evaluated on the
/// evaluation captures of that family only. It measures what the model does on a kind of attack it never saw.
/// </summary>
public static class FamilyHoldout
{
    /// <summary>The family of a capture: its file name without extension.</summary>
    public static string FamilyOf(string capturePath) => Path.GetFileNameWithoutExtension(capturePath);

    /// <summary>
    /// One evaluation per family that has attack instances among <paramref name="evaluationCaptures"/>, in family
    /// order. <paramref name="options"/> should fix the rank, so that each family costs one training.
    /// </summary>
    public static List<(string Family, ModelEvaluation Result)> Run(IReadOnlyList<CaptureLabels> trainingCaptures, IReadOnlyList<LabeledWindow> training,
        IReadOnlyList<CaptureLabels> evaluationCaptures, IReadOnlyList<LabeledWindow> evaluationWindows, AnomalyTrainerOptions options)
    {
        var results = new List<(string, ModelEvaluation)>();
        var mixed = trainingCaptures.Where(c => c.FileLabel == CaptureLabels.Mixed).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        var families = evaluationCaptures.Where(c => c.Attacks.Count > 0).Select(c => FamilyOf(c.Path)).Distinct().Order(StringComparer.Ordinal);
        foreach (string family in families)
        {
            var model = AnomalyModelTrainer.Train(training.Where(w => FamilyOf(w.Window.Capture) != family && !mixed.Contains(w.Window.Capture)).ToList(), options).Model;
            var captures = evaluationCaptures.Where(c => FamilyOf(c.Path) == family).ToList();
            var paths = captures.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
            results.Add((family, ModelEvaluation.Evaluate(model, captures, evaluationWindows.Where(w => paths.Contains(w.Window.Capture)).ToList())));
        }
        return results;
    }
}
