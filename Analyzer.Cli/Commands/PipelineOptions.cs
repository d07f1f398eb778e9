using System.CommandLine;
using Analyzer.Configuration;
using Analyzer.Pipeline;
using Analyzer.Rules;

namespace Analyzer.Cli.Commands;

/// <summary>The options every verb that runs the pipeline takes (analyze, sniff), and the settings they make.</summary>
public sealed class PipelineOptions
{
    public Option<string> Alerts { get; } = CommonOptions.Alerts();
    public Option<string?> Events { get; } = CommonOptions.Events();
    public Option<string?> Flows { get; } = CommonOptions.Flows();
    public Option<bool> AllFlows { get; } = CommonOptions.AllFlows();
    public Option<string?> Mappings { get; } = CommonOptions.Mappings();
    public Option<string?> Devices { get; } = CommonOptions.Devices();
    public Option<string?> Config { get; } = CommonOptions.Config();
    public Option<string[]> Lan { get; } = CommonOptions.Lan();
    public Option<bool> NoRules { get; } = CommonOptions.NoRules();

    public void AddTo(Command command)
    {
        command.Add(Alerts);
        command.Add(Events);
        command.Add(Flows);
        command.Add(AllFlows);
        command.Add(Mappings);
        command.Add(Devices);
        command.Add(Config);
        command.Add(Lan);
        command.Add(NoRules);
    }

    /// <summary>
    /// The settings the options ask for: the configuration file first (when given), then the command line, whose
    /// <c>--lan</c> replaces the file's LAN prefixes. Throws <see cref="ConfigException"/> (one line) for a bad file.
    /// </summary>
    public PipelineSettings ToSettings(ParseResult parse)
    {
        var settings = new PipelineSettings
        {
            AlertsPath = parse.GetValue(Alerts)!,
            EventsPath = parse.GetValue(Events),
            FlowsPath = parse.GetValue(Flows),
            MappingsPath = parse.GetValue(Mappings),
            DevicesPath = parse.GetValue(Devices),
            AllFlows = parse.GetValue(AllFlows),
            RulesEnabled = !parse.GetValue(NoRules),
        };
        if (parse.GetValue(Config) is { } configPath) settings = SensorConfigApplier.ApplyFile(configPath, settings);
        var lan = parse.GetValue(Lan);
        if (lan is { Length: > 0 }) settings = settings with { Network = settings.Network.WithLanPrefixes(lan.Select(IpPrefix.Parse)) };
        return settings;
    }
}
