using System.CommandLine;
using Analyzer.Cli.Usage;

namespace Analyzer.Cli.Commands.Generate;

/// <summary>
/// <c>analyzer generate</c>: writes labelled synthetic captures of home-network scenarios, benign and attacks.
/// </summary>
public static class GenerateCommandDefinition
{
    public static readonly Option<DirectoryInfo?> OutOption = new("--out", "-o")
    {
        Description = "Directory to write the captures and labels.csv into (created if missing)",
        HelpName = "DIR",
    };

    public static readonly Option<string[]> ScenarioOption = new("--scenario", "-s")
    {
        Description = "Scenario to generate; repeat for several (default: all). See --list",
        HelpName = "NAME",
    };

    public static readonly Option<int> SeedOption = NumberRange.Whole(new Option<int>("--seed")
    {
        Description = "Seed for every random choice; the same seed gives the same bytes",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    }, 0, int.MaxValue);

    public static readonly Option<string?> FormatOption = new("--format")
    {
        Description = "Capture format for every file: pcap or pcapng (default: chosen per scenario by the seed)",
        HelpName = "pcap|pcapng",
    };

    public static readonly Option<bool> ListOption = new("--list")
    {
        Description = "List the scenarios, one per line, and exit",
    };

    public static Command Create()
    {
        var command = new Command("generate", "Write synthetic, labelled UPnP/SSDP/NAT-PMP/PCP/DIAL captures")
        {
            OutOption, ScenarioOption, SeedOption, FormatOption, ListOption,
        };
        command.SetAction(parseResult => GenerateCommand.Run(
            new GenerateOptions(
                parseResult.GetValue(OutOption),
                parseResult.GetValue(ScenarioOption) ?? [],
                parseResult.GetValue(SeedOption),
                parseResult.GetValue(FormatOption),
                parseResult.GetValue(ListOption)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }
}
