using Analyzer.Learning;

namespace Analyzer.Tests.Learning;

public class CategoryModelTests
{
    [Fact]
    public void ACategoryAWindowCannotShowIsNotLearned()
    {
        var windows = SyntheticWindows.Make(seed: 3);
        // Devices flagged for their banner behave like every other device: relabel some benign hosts so.
        var devices = windows.Where(w => w.Label == WindowLabel.Benign).Select(w => w.Window.Host).Distinct().Take(6).ToHashSet();
        var relabelled = windows.Select(w => devices.Contains(w.Window.Host) && w.Label == WindowLabel.Benign
            ? w with { Label = WindowLabel.Attack, Category = "vulnerable-software" } : w).ToList();

        var model = CategoryModel.Train(relabelled, seed: 1)!;

        Assert.Equal(["benign", "portmap-abuse"], model.Classes);
        Assert.Contains("vulnerable-software", CategoryWords.NotInWindows);
    }
}
