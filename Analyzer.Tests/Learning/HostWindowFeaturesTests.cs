using System.Text.RegularExpressions;
using Analyzer.Learning;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Learning;

public class HostWindowFeaturesTests
{
    [Fact]
    public void FeatureNamesAreUniqueSnakeCase()
    {
        Assert.Equal(HostWindowFeatures.Count, HostWindowFeatures.Names.Distinct().Count());
        Assert.All(HostWindowFeatures.Names, n => Assert.Matches("^[a-z][a-z0-9_]*$", n));
    }

    [Fact]
    public void TheDocumentedFeatureTableIsTheFeatureListInOrder()
    {
        string doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "model.md"));
        var rows = Regex.Matches(doc, @"^\| (\d+) \| `([a-z0-9_]+)` \| (\w+) \|", RegexOptions.Multiline);
        Assert.Equal(HostWindowFeatures.Names, rows.Select(m => m.Groups[2].Value));
        Assert.Equal(Enumerable.Range(0, HostWindowFeatures.Count).Select(i => i.ToString()), rows.Select(m => m.Groups[1].Value));
        Assert.Equal(HostWindowFeatures.All.Select(f => f.Scale.ToString().ToLowerInvariant()), rows.Select(m => m.Groups[3].Value));
    }

    [Theory]
    [InlineData(FeatureScale.Count, 0, 0)]
    [InlineData(FeatureScale.Count, 3, 2)]
    [InlineData(FeatureScale.Bytes, 1023, 10)]
    [InlineData(FeatureScale.Share, 0.25, 0.25)]
    [InlineData(FeatureScale.Ratio, 8, 3)]
    public void ScalesMapRawValuesToModelValuesAndBack(FeatureScale scale, double raw, double model)
    {
        var feature = HostWindowFeatures.All.First(f => f.Scale == scale);
        Assert.Equal(model, feature.ToModel(raw), 5);
        Assert.Equal(raw, feature.FromModel(feature.ToModel(raw)), 3);
    }
}
