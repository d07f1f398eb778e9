using System.CommandLine;
using Analyzer.Cli.Usage;
using Analyzer.Configuration;
using Analyzer.Learning;
using Analyzer.Output;
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
    public Option<OutputFormat> Format { get; } = CommonOptions.Format();
    public Option<string?> Evidence { get; } = CommonOptions.Evidence();
    public Option<string?> Config { get; } = CommonOptions.Config();
    public Option<string[]> Lan { get; } = CommonOptions.Lan();
    public Option<bool> NoRules { get; } = CommonOptions.NoRules();
    public Option<string?> Model { get; } = CommonOptions.Model();
    public Option<bool> NoModel { get; } = CommonOptions.NoModel();
    public Option<Alerts.Severity> MinSeverity { get; } = CommonOptions.MinSeverity();
    public Option<bool> Quiet { get; } = CommonOptions.Quiet();
    public PublishOptions Publishing { get; } = new();

    public void AddTo(Command command)
    {
        command.Add(Alerts);
        command.Add(Events);
        command.Add(Flows);
        command.Add(AllFlows);
        command.Add(Mappings);
        command.Add(Devices);
        command.Add(Format);
        command.Add(Evidence);
        command.Add(Config);
        command.Add(Lan);
        command.Add(NoRules);
        command.Add(Model);
        command.Add(NoModel);
        command.Add(MinSeverity);
        command.Add(Quiet);
        Publishing.AddTo(command);
    }

    /// <summary>
    /// The settings with the run's publisher started (when --publish or the configuration asks for one); the caller
    /// finishes it with <see cref="PublishOptions.FinishAsync"/>. An <paramref name="offline"/> run keys its records by
    /// capture (<see cref="RunFingerprint"/>), so a re-run publishes them under the same identities; a live one numbers
    /// them. <paramref name="deliveryOnly"/> are the verb's own options that do not change the records.
    /// </summary>
    public PipelineSettings StartPublishing(ParseResult parse, PipelineSettings settings, LoadedModel model, bool offline,
        IEnumerable<Option>? deliveryOnly = null)
    {
        var config = parse.GetValue(Config);
        // Computed only when the run publishes: it reads the model and configuration files again.
        Func<string>? fingerprint = offline
            ? () => RunFingerprint.Of(parse, DeliveryOnlyOptions.Concat(deliveryOnly ?? []), FilesRead(config, model))
            : null;
        if (Publishing.Start(parse, config, runFingerprint: fingerprint) is not { } publisher) return settings;
        return settings with { Publisher = publisher, PublishEvents = Publishing.PublishEvents(parse, config) };
    }

    /// <summary>
    /// Options that say where records go and how they are written, not what they are (the published records are the
    /// JSON records whatever --format says; evidence is not part of them; events are numbered apart from the rest), or
    /// that name a file read whose content counts instead (--config, --model).
    /// </summary>
    private IEnumerable<Option> DeliveryOnlyOptions =>
    [
        Alerts, Events, Flows, AllFlows, Mappings, Devices, Format, Evidence, Quiet, Config, Model,
        Publishing.Publish, Publishing.SensorId, Publishing.Events, Publishing.Spool,
    ];

    private static IEnumerable<string?> FilesRead(string? config, LoadedModel loaded)
    {
        yield return config;
        if (loaded.Path is { } model)
        {
            yield return model;
            yield return AnomalyModel.MetadataPath(model);
        }
    }

    /// <summary>
    /// The settings the options ask for: the configuration file first (when given), then the command line, whose
    /// <c>--lan</c> replaces the file's LAN prefixes.
    /// </summary>
    /// <exception cref="ConfigException">The configuration file cannot be used (one line).</exception>
    /// <exception cref="ModelFileException">An explicit --model (or a present default model) cannot be used.</exception>
    public PipelineSettings ToSettings(ParseResult parse, out LoadedModel model)
    {
        model = LoadModel(parse.GetValue(Model), parse.GetValue(NoModel));
        var format = parse.GetValue(Format);
        var settings = new PipelineSettings
        {
            AlertsPath = format == OutputFormat.JsonLines && parse.GetResult(Alerts) is null or { Implicit: true } ? "alerts.jsonl" : parse.GetValue(Alerts)!,
            Format = format,
            EvidenceDirectory = parse.GetValue(Evidence),
            EventsPath = parse.GetValue(Events),
            FlowsPath = parse.GetValue(Flows),
            MappingsPath = parse.GetValue(Mappings),
            DevicesPath = parse.GetValue(Devices),
            AllFlows = parse.GetValue(AllFlows),
            RulesEnabled = !parse.GetValue(NoRules),
            MinSeverity = parse.GetValue(MinSeverity),
            Model = model.Model,
        };
        StartupTrace.Mark("model loaded");
        if (parse.GetValue(Config) is { } configPath) settings = SensorConfigApplier.ApplyFile(configPath, settings);
        var lan = parse.GetValue(Lan);
        if (lan is { Length: > 0 }) settings = settings with { Network = settings.Network.WithLanPrefixes(lan.Select(IpPrefix.Parse)) };
        return settings;
    }

    /// <summary>The files the run reads besides its captures (configuration, model): no output may be one of them.</summary>
    public IEnumerable<NamedPath> ReadFiles(ParseResult parse, LoadedModel loaded)
    {
        if (parse.GetValue(Config) is { } config) yield return new NamedPath("the configuration file", config);
        if (loaded.Path is { } model)
        {
            yield return new NamedPath("the model", model);
            yield return new NamedPath("the model's metadata", AnomalyModel.MetadataPath(model));
        }
    }

    /// <summary>Every output of the settings, named by its option (--alerts for alerts.csv).</summary>
    public static IEnumerable<NamedPath> Outputs(PipelineSettings settings) =>
        settings.Outputs().Select(o => new NamedPath("--" + Path.GetFileNameWithoutExtension(o.Name), o.Path));

    /// <summary>
    /// The model a run uses: none with --no-model, the explicit one, else the default one in the working directory or
    /// beside the program; its note says when no default model was found.
    /// </summary>
    /// <exception cref="ModelFileException">The model chosen cannot be used.</exception>
    public static LoadedModel LoadModel(string? explicitPath, bool noModel)
    {
        if (noModel) return LoadedModel.None;
        if (explicitPath is not null) return Loaded(explicitPath);
        if (File.Exists(CommonOptions.DefaultModelPath)) return Loaded(CommonOptions.DefaultModelPath);
        // Then the copy that the build puts next to the program.
        var besideProgram = Path.Combine(AppContext.BaseDirectory, CommonOptions.DefaultModelPath);
        if (File.Exists(besideProgram)) return Loaded(besideProgram);
        return LoadedModel.None with
        {
            Note = $"note: no model at {CommonOptions.DefaultModelPath} (nor beside the program): ran without the learned model (see --model, 'analyzer train')",
        };
    }

    private static LoadedModel Loaded(string path) => new(AnomalyModel.Load(path), path, null);
}
