using System.Text.RegularExpressions;
using Analyzer.Cli.Commands.Rules;
using Analyzer.Output;
using Analyzer.Rules;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Rules;

/// <summary>
/// docs/rules.md and the program say the same thing: the rule table has every rule with its category and default
/// severity, every length a rule's own description names is the one the docs name, and the thresholds table is
/// what <c>analyzer rules --thresholds</c> prints.
/// </summary>
public class RulesDocumentationTests
{
    private static string[] Doc => File.ReadAllLines(Path.Combine(Repo.Root, "docs", "rules.md"));

    /// <summary>Rows of the table under a heading, as cells (a "\|" inside a cell stays in it).</summary>
    private static List<string[]> Table(string heading) =>
        Doc.SkipWhile(l => l != heading).Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => Regex.Split(l.Trim().Trim('|'), @"(?<!\\)\|").Select(c => c.Trim()).ToArray())
            .ToList();

    /// <summary>Byte lengths ("1,400 bytes") named in a text, without their thousands separators.</summary>
    private static HashSet<string> Lengths(string text) =>
        Regex.Matches(text, @"(\d[\d,]*) bytes").Select(m => m.Groups[1].Value.Replace(",", "")).ToHashSet();

    [Fact]
    public void TheRuleTableListsEveryRuleWithItsCategoryAndDefaultSeverity()
    {
        var rows = Table("## The rules");
        var infos = BuiltInRules.Infos().ToList();

        Assert.Equal(infos.Select(i => i.Id).Order(StringComparer.Ordinal), rows.Select(r => r[0].Trim('`')).Order(StringComparer.Ordinal));
        foreach (var info in infos)
        {
            var row = rows.Single(r => r[0] == $"`{info.Id}`");
            Assert.Equal(info.Category.Name(), row[1]);
            Assert.Contains(info.Severity.ToString().ToLowerInvariant(), row[2].Split(" / "));
        }
    }

    [Fact]
    public void EveryLengthARuleDescriptionNamesIsTheOneTheDocsName()
    {
        var docs = Table("## The rules").ToDictionary(r => r[0].Trim('`'), r => r[3]);
        foreach (var info in BuiltInRules.Infos())
            Assert.True(Lengths(info.Description).IsSubsetOf(Lengths(docs[info.Id])),
                $"{info.Id}: the program says \"{info.Description}\", docs/rules.md says \"{docs[info.Id]}\"");
    }

    [Fact]
    public void TheThresholdTableIsWhatTheProgramPrints()
    {
        var printed = new StringWriter();
        RulesCommand.WriteThresholds(printed, new RuleThresholds());
        var program = printed.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries)).Select(p => $"{p[0]} {p[1].Trim()}");

        var docs = Table("## Thresholds").Select(r => $"{r[0].Trim('`')} {r[1]}");

        Assert.Equal(program, docs);
    }
}
