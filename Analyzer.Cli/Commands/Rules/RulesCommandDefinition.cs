using System.CommandLine;

namespace Analyzer.Cli.Commands.Rules;

/// <summary>`analyzer rules`: the built-in rules (id, category, severity, what each detects) and the thresholds.</summary>
public static class RulesCommandDefinition
{
    public static readonly Option<string?> Config = CommonOptions.Config();

    public static readonly Option<bool> Thresholds = new("--thresholds")
    {
        Description = "List the named thresholds and their values (defaults, or the configuration file's) instead of the rules",
    };

    public static Command Create()
    {
        var command = new Command("rules", "List the built-in detection rules: id, category, severity and what each detects")
        {
            Config,
            Thresholds,
        };
        command.SetAction((parseResult, cancel) => Task.FromResult(RulesCommand.Run(parseResult)));
        return command;
    }
}
