using System.Text.RegularExpressions;
using Analyzer.Rules;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Rules;

public class RuleCatalogTests
{
    [Fact]
    public void RuleIdsAreUniqueKebabCase()
    {
        var ids = BuiltInRules.Infos().Select(i => i.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)+$", id));
    }

    [Fact]
    public void EveryRuleIsDocumented()
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "rules.md"));
        foreach (var info in BuiltInRules.Infos())
            Assert.Matches($"`{Regex.Escape(info.Id)}`", doc);
    }

    [Fact]
    public void EveryThresholdIsDocumented()
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "rules.md"));
        foreach (var p in typeof(RuleThresholds).GetProperties().Where(p => p.CanWrite))
            Assert.Contains("`" + System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) + "`", doc);
    }

    [Fact]
    public void CreateMakesFreshRulesEachTime() =>
        Assert.All(BuiltInRules.Create().Zip(BuiltInRules.Create()), pair => Assert.NotSame(pair.First, pair.Second));
}
