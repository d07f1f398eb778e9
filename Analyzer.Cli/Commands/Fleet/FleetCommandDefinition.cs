using System.CommandLine;
using Analyzer.Cli.Usage;
using Analyzer.Publishing;

namespace Analyzer.Cli.Commands.Fleet;

/// <summary>
/// `analyzer fleet report --redis URL` (the census across the sensors that publish to a broker) and
/// `analyzer fleet replay PATH... --publish URL` (archived captures published as a fleet, one sensor per folder).
/// </summary>
public static class FleetCommandDefinition
{
    public const double MaxIdleSeconds = 3600;

    public static readonly Option<string> Redis = Url(new Option<string>("--redis")
    {
        HelpName = "URL",
        Description = "The broker the sensors publish to: redis://HOST:PORT[/DB] or rediss:// (TLS)",
        Required = true,
    });

    public static readonly Option<string?> Group = new("--group")
    {
        HelpName = "NAME",
        Description = "Consumer group to read with: reports sharing a group share the entries (default: a new group, which reads every entry kept)",
    };

    public static readonly Option<string?> Html = new("--html")
    {
        HelpName = "FILE",
        Description = "Also write the fleet's census as one self-contained HTML page to this file",
    };

    public static readonly Option<string?> Sensor = new("--sensor")
    {
        HelpName = "ID",
        Description = "Print the census of this one sensor's home instead, as 'analyzer report' prints it",
    };

    public static readonly Option<double> Idle = NumberRange.Real(new Option<double>("--idle")
    {
        HelpName = "SECONDS",
        Description = "Stop reading once no new entry came for this long",
        DefaultValueFactory = _ => 2,
    }, 0, MaxIdleSeconds, aboveMin: true, "seconds");

    public static readonly Argument<string[]> ReplayPaths = new("PATH")
    {
        Description = "Capture folders (each one sensor, named by the folder) or capture files (sensor named by their folder)",
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<string> Publish = Url(new Option<string>("--publish")
    {
        HelpName = "URL",
        Description = "The broker to publish to: redis://HOST:PORT[/DB] or rediss:// (TLS)",
        Required = true,
    });

    public static readonly Option<Shard> ShardOption = ShardParsing.Create();

    public static readonly Option<string?> SpoolRoot = new("--spool")
    {
        HelpName = "DIR",
        Description = "Folder of the spools, one per sensor (default ~/.local/state/upnp-analyzer/spool)",
    };

    public static Command Create()
    {
        var report = new Command("report", "The census across every sensor publishing to a broker: homes, devices by class, stacks, alerts per home, sensitive open mappings")
        {
            Redis, Group, Html, Sensor, Idle,
        };
        report.SetAction((parse, cancel) => FleetReportCommand.RunAsync(parse, cancel));
        var replay = new Command("replay", "Publish the results of archived captures, one sensor per capture folder")
        {
            ReplayPaths, Publish, ShardOption, SpoolRoot,
        };
        replay.SetAction((parse, cancel) => FleetReplayCommand.RunAsync(parse, cancel));
        return new Command("fleet", "Many sensors: the census across them, and archives published as a fleet") { report, replay };
    }

    private static Option<string> Url(Option<string> option)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                try { PublishTarget.Parse(token.Value); }
                catch (PublishTargetException e) { result.AddError($"{option.Name}: {e.Message}"); }
            }
        });
        return option;
    }
}
