using Analyzer.Decoding;
using Analyzer.Learning;

namespace Analyzer.Tests.Learning;

public class CaptureCrossValidationTests
{
    private static CaptureLabels Capture(string name, string? group = null) => new(name, CaptureLabels.Benign, [], group);

    [Fact]
    public void CapturesOfOneGroupShareAFoldAndFoldsAreBalancedAndDeterministic()
    {
        var captures = new List<CaptureLabels>
        {
            Capture("a.pcap", "lab"), Capture("b.pcap"), Capture("c.pcap", "lab"), Capture("d.pcap"), Capture("e.pcap"),
            Capture("f.pcap", "lab"), Capture("g.pcap"), Capture("h.pcap", "pair"), Capture("i.pcap", "pair"), Capture("j.pcap"),
        };

        var folds = CaptureCrossValidation.Assign(captures, 3, seed: 1);

        Assert.Equal(3, folds.Count);
        Assert.Equal(captures.Select(c => c.Path).Order(), folds.SelectMany(f => f).Select(c => c.Path).Order());
        Assert.Single(folds, f => f.Any(c => c.Group == "lab"));
        Assert.Equal(3, folds.Single(f => f.Any(c => c.Group == "lab")).Count(c => c.Group == "lab"));
        Assert.Single(folds, f => f.Any(c => c.Group == "pair"));
        // The group of three goes first, then each group to the smallest fold: sizes 3, 3 and 4 in some order.
        Assert.Equal([3, 3, 4], folds.Select(f => f.Count).Order());
        foreach (var fold in folds)
            Assert.Equal(fold.OrderBy(c => captures.IndexOf(c)), fold);
        var again = CaptureCrossValidation.Assign(captures, 3, seed: 1);
        Assert.Equal(folds.Select(f => f.Select(c => c.Path)), again.Select(f => f.Select(c => c.Path)));
    }

    [Fact]
    public void ThereAreNoMoreFoldsThanGroups()
    {
        var captures = new List<CaptureLabels> { Capture("a.pcap", "x"), Capture("b.pcap", "x"), Capture("c.pcap") };
        Assert.Equal(2, CaptureCrossValidation.Assign(captures, 5, seed: 1).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => CaptureCrossValidation.Assign(captures, 1, seed: 1));
    }

    [Fact]
    public void EachFoldIsScoredByAModelThatNeverSawIt()
    {
        var windows = SyntheticWindows.Make(seed: 3);
        var benignCaptures = windows.Select(w => w.Window.Capture).Distinct()
            .Where(c => windows.Where(w => w.Window.Capture == c).All(w => w.Label == WindowLabel.Benign))
            .Select(c => Capture(c)).ToList();

        var folds = CaptureCrossValidation.Run(windows, benignCaptures, 3, [], [], new AnomalyTrainerOptions { Rank = 4 });

        Assert.Equal(3, folds.Count);
        Assert.Equal(benignCaptures.Count, folds.Sum(f => f.HeldOut.Count));
        foreach (var fold in folds)
        {
            var held = fold.HeldOut.Select(c => c.Path).ToHashSet();
            Assert.Equal(windows.Count(w => held.Contains(w.Window.Capture)), fold.HeldOutResult.BenignWindows);
            Assert.Equal(fold.HeldOut.Count, fold.HeldOutResult.BenignCaptures);
            Assert.Null(fold.Evaluation);
        }
        // Ordinary home-device windows held out of training are not flagged.
        Assert.Equal(0, folds.Sum(f => f.HeldOutResult.FlaggedBenignWindows));
    }
}
