namespace Analyzer.Learning;

/// <summary>
/// Splits labelled windows three ways by group, a group being one host in one capture, so that no host's story is
/// both trained on and tested: benign groups, and separately groups with an attack window, go to training, validation
/// and test in <see cref="TrainFraction"/>/<see cref="ValidationFraction"/>/rest proportions. The detector trains on
/// the benign training windows only; the category model on all training windows. Groups are ordered, then shuffled
/// with the seed.
/// </summary>
public sealed record DataSplit(List<LabeledWindow> Train, List<LabeledWindow> Validation, List<LabeledWindow> Test, int Excluded)
{
    public const double TrainFraction = 0.6;
    public const double ValidationFraction = 0.2;

    public static DataSplit Create(IReadOnlyList<LabeledWindow> windows, int seed)
    {
        var groups = windows.Where(w => w.Label != WindowLabel.Excluded)
            .GroupBy(w => (w.Window.Capture, w.Window.Host))
            .OrderBy(g => g.Key.Capture, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Host.IsV6).ThenBy(g => g.Key.Host.Value)
            .Select(g => g.ToList())
            .ToList();
        var random = new Random(seed);
        var benign = groups.Where(g => g.All(w => w.Label == WindowLabel.Benign)).ToList();
        var attack = groups.Where(g => g.Any(w => w.Label == WindowLabel.Attack)).ToList();
        Shuffle(benign, random);
        Shuffle(attack, random);

        var train = new List<LabeledWindow>();
        var validation = new List<LabeledWindow>();
        var test = new List<LabeledWindow>();
        foreach (var kind in new[] { benign, attack })
        {
            int trainCount = (int)Math.Round(kind.Count * TrainFraction);
            int validationCount = (int)Math.Round(kind.Count * ValidationFraction);
            train.AddRange(kind.Take(trainCount).SelectMany(g => g));
            validation.AddRange(kind.Skip(trainCount).Take(validationCount).SelectMany(g => g));
            test.AddRange(kind.Skip(trainCount + validationCount).SelectMany(g => g));
        }
        return new DataSplit(train, validation, test, windows.Count(w => w.Label == WindowLabel.Excluded));
    }

    private static void Shuffle<T>(List<T> items, Random random)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
