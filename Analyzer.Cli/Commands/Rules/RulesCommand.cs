using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Analyzer.Configuration;
using Analyzer.Output;
using Analyzer.Pipeline;
using Analyzer.Rules;

namespace Analyzer.Cli.Commands.Rules;

/// <summary>
/// Prints the rule table on standard output, one rule per line in columns (id, category, severity, state,
/// description). With <c>--config</c>, severities and states are the configured ones.
/// </summary>
public static class RulesCommand
{
    public static int Run(ParseResult parse)
    {
        var settings = new PipelineSettings();
        if (parse.GetValue(RulesCommandDefinition.Config) is { } path) settings = SensorConfigApplier.ApplyFile(path, settings);
        var output = Console.Out;
        if (parse.GetValue(RulesCommandDefinition.Thresholds)) WriteThresholds(output, settings.Thresholds);
        else WriteRules(output, settings.RuleSettings);
        return ExitCodes.Success;
    }

    public static void WriteRules(TextWriter output, IReadOnlyDictionary<string, RuleSetting> settings)
    {
        var rows = BuiltInRules.Infos().Select(info =>
        {
            settings.TryGetValue(info.Id, out var s);
            var severity = s?.Severity ?? info.Severity;
            return (info.Id, Category: info.Category.Name(), Severity: severity.ToString().ToLowerInvariant(),
                State: s is { Enabled: false } ? "off" : "on", info.Description);
        }).ToList();
        int id = Math.Max(2, rows.Max(r => r.Id.Length)), category = rows.Max(r => r.Category.Length);
        output.WriteLine($"{"id".PadRight(id)}  {"category".PadRight(category)}  {"severity",-8}  {"state",-5}  description");
        foreach (var r in rows)
            output.WriteLine($"{r.Id.PadRight(id)}  {r.Category.PadRight(category)}  {r.Severity,-8}  {r.State,-5}  {r.Description}");
    }

    public static void WriteThresholds(TextWriter output, RuleThresholds thresholds)
    {
        var rows = typeof(RuleThresholds).GetProperties()
            .Where(p => p.CanWrite)
            .Select(p => (Name: JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name),
                Value: Convert.ToString(p.GetValue(thresholds), CultureInfo.InvariantCulture) ?? ""))
            .ToList();
        int width = rows.Max(r => r.Name.Length);
        foreach (var (name, value) in rows) output.WriteLine($"{name.PadRight(width)}  {value}");
    }
}
