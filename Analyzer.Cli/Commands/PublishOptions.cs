using System.CommandLine;
using Analyzer.Configuration;
using Analyzer.Publishing;

namespace Analyzer.Cli.Commands;

/// <summary>
/// <c>--publish URL</c>, <c>--sensor-id ID</c>, <c>--publish-events</c> and <c>--spool DIR</c> (analyze, sniff), with the
/// configuration file's <c>publish:</c> section beneath them; makes the run's publisher.
/// </summary>
public sealed class PublishOptions
{
    /// <summary>Bound on the spool cap a configuration may ask for (1 TB); the default is 1 GB.</summary>
    public const long MaxSpoolCapMb = 1024 * 1024;
    public const int MaxStreamLength = 1_000_000_000;

    /// <summary>
    /// Connect and command timeout of the sensor's client: a broker that does not answer within it counts as down, so
    /// the first stderr line comes within a few seconds of the run's start and the records wait in the spool.
    /// </summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(3);

    public Option<string?> Publish { get; } = Validated(new Option<string?>("--publish")
    {
        Description = "Also publish alerts, devices and mappings to this broker: redis://HOST:PORT[/DB] or rediss:// (TLS); records wait in a local spool while it is down",
    }, v => { PublishTarget.Parse(v); });

    public Option<string?> SensorId { get; } = Validated(new Option<string?>("--sensor-id")
    {
        Description = "The id every published record carries (default: the host name)",
    }, v => new PublisherOptions { SensorId = v, SpoolDirectory = "." }.Validate());

    public Option<bool> Events { get; } = new("--publish-events")
    {
        Description = "Also publish one record per decoded message (numerous; dropped first when the spool is full)",
    };

    public Option<string?> Spool { get; } = new("--spool")
    {
        Description = "Spool directory of --publish (default ~/.local/state/upnp-analyzer/spool/SENSOR-ID)",
    };

    public void AddTo(Command command)
    {
        command.Add(Publish);
        command.Add(SensorId);
        command.Add(Events);
        command.Add(Spool);
    }

    /// <summary>
    /// Starts the publisher the options (or the configuration file) ask for, null when none does. Broker state changes
    /// go to stderr, one line each. <paramref name="runFingerprint"/> is given for an offline run and called only
    /// when the run publishes (see <see cref="PublisherOptions.RunFingerprint"/>).
    /// </summary>
    /// <exception cref="ConfigException">The configuration's publish section is unusable (one line).</exception>
    public RecordPublisher? Start(ParseResult parse, string? configPath, string? sensorIdOverride = null, Func<string>? runFingerprint = null)
    {
        var section = configPath is null ? new PublishSection() : SensorConfigLoader.Load(configPath).Publish;
        var url = parse.GetValue(Publish) ?? section.Url;
        if (url is null) return null;
        string where = configPath is null ? "--publish" : $"{configPath}: publish";
        PublishTarget target;
        try { target = PublishTarget.Parse(url).WithPassword(section.Password); }
        catch (PublishTargetException e) { throw new ConfigException($"{where}: {e.Message}"); }
        var sensor = sensorIdOverride ?? parse.GetValue(SensorId) ?? section.SensorId ?? Environment.MachineName;
        long capMb = section.SpoolCapMb ?? PublisherOptions.DefaultSpoolCapBytes / (1024 * 1024);
        if (capMb is < 1 or > MaxSpoolCapMb) throw new ConfigException($"{where}.spool_cap_mb: expected 1 to {MaxSpoolCapMb}");
        int maxLength = section.StreamMaxLength ?? RedisStreamTransport.DefaultMaxStreamLength;
        if (maxLength is < 1 or > MaxStreamLength) throw new ConfigException($"{where}.stream_max_length: expected 1 to {MaxStreamLength}");
        var options = new PublisherOptions
        {
            SensorId = sensor,
            SpoolDirectory = parse.GetValue(Spool) ?? section.SpoolDirectory ?? DefaultSpool(sensor),
            SpoolCapBytes = capMb * 1024 * 1024,
            RunFingerprint = runFingerprint?.Invoke(),
        };
        try { options.Validate(); }
        catch (ArgumentException e) { throw new ConfigException($"{where}: {e.Message}"); }
        try
        {
            return RecordPublisher.Start(options, new RedisStreamTransport(target, maxLength, CommandTimeout), ReportStateChange);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"spool {options.SpoolDirectory}: {e.Message}");
        }
    }

    /// <summary>True when the events are to be published too.</summary>
    public bool PublishEvents(ParseResult parse, string? configPath) =>
        parse.GetValue(Events) || (configPath is not null && SensorConfigLoader.Load(configPath).Publish.Events == true);

    /// <summary>~/.local/state/upnp-analyzer/spool/SENSOR (XDG_STATE_HOME when set): one spool per sensor id.</summary>
    public static string DefaultSpool(string sensorId)
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state))
            state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(state, "upnp-analyzer", "spool", SafeFileName(sensorId));
    }

    /// <summary>A sensor id as a folder name: letters, digits, '-', '_' and '.' kept, anything else '_'.</summary>
    public static string SafeFileName(string sensorId)
    {
        var name = string.Concat(sensorId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        // "." and ".." would name the spool's parent, not a folder of its own.
        return name.Trim('.').Length == 0 ? "_" + name : name;
    }

    /// <summary>
    /// At the end of a run: waits up to <paramref name="timeout"/> for the broker to take everything, then stops the
    /// publisher and says how many records stay spooled for the next run.
    /// </summary>
    public static async Task<string> FinishAsync(RecordPublisher publisher, TimeSpan timeout)
    {
        await publisher.DrainAsync(timeout).ConfigureAwait(false);
        var status = publisher.Status;
        await publisher.DisposeAsync().ConfigureAwait(false);
        return status.Pending == 0
            ? $"published: {status.Summary()}"
            : $"published: {status.Summary()}; {status.Pending:N0} records stay spooled and are sent by the next run with the same sensor id";
    }

    /// <summary>A broker state change as one stderr line.</summary>
    public static void ReportStateChange(BrokerStateChange change)
    {
        if (change.State == BrokerState.Unreachable) CliConsole.Warn(change.Message);
        else CliConsole.Info(change.Message);
    }

    private static Option<string?> Validated(Option<string?> option, Action<string> check)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                try { check(token.Value); }
                catch (Exception e) when (e is PublishTargetException or ArgumentException)
                {
                    result.AddError($"{option.Name}: {e.Message}");
                }
            }
        });
        return option;
    }
}
