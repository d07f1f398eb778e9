using System.Text.RegularExpressions;
using Analyzer.Labels;
using Analyzer.Generation.Scenarios;

namespace Analyzer.Tests.Generation;

public class ScenarioCatalogTests
{
    [Fact]
    public void ScenarioNamesAreUniqueKebabCaseFileNames()
    {
        var names = ScenarioCatalog.Names.ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), n));
    }

    [Fact]
    public void EveryCategoryButAnomalyHasAScenarioAndThereAreBenignOnes()
    {
        var labels = ScenarioCatalog.All.Select(s => s.Label).ToHashSet();

        foreach (string category in LabelNames.Categories.Where(c => c != LabelNames.Anomaly))
            Assert.Contains(category, labels);
        Assert.True(ScenarioCatalog.All.Count(s => s.Label == LabelNames.Benign) >= 3);
        Assert.All(ScenarioCatalog.All, s => Assert.True(LabelNames.IsKnown(s.Label), s.Label));
    }

    [Fact]
    public void DescriptionsFitOnOneLine()
    {
        Assert.All(ScenarioCatalog.All, s =>
        {
            Assert.DoesNotContain('\n', s.Description);
            Assert.InRange(s.Description.Length, 20, 150);
        });
    }

    [Fact]
    public void FindIgnoresCaseAndReturnsNullForUnknownNames()
    {
        Assert.Same(ScenarioCatalog.All[0], ScenarioCatalog.Find(ScenarioCatalog.All[0].Name.ToUpperInvariant()));
        Assert.Null(ScenarioCatalog.Find("no-such-scenario"));
    }
}
