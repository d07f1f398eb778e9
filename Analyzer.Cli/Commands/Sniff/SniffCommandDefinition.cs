using System.CommandLine;
using Analyzer.Capture;
using Analyzer.Cli.Usage;

namespace Analyzer.Cli.Commands.Sniff;

/// <summary>`analyzer sniff -i IFACE`: live analysis on an interface (a mirror port), same pipeline as analyze.</summary>
public static class SniffCommandDefinition
{
    public static readonly Option<string> Interface = new("--interface", "-i")
    {
        Description = "Capture interface (see 'analyzer interfaces')",
        Required = true,
    };

    public static readonly Option<string> Filter = new("--filter", "-f")
    {
        Description = "BPF capture filter replacing the default: " + LiveCaptureOptions.DefaultFilter,
        DefaultValueFactory = _ => LiveCaptureOptions.DefaultFilter,
    };

    /// <summary>The longest --duration: a year; longer runs are stopped by a signal.</summary>
    public const double MaxDurationSeconds = 365 * 86400;

    public static readonly Option<double?> Duration = NumberRange.Real(new Option<double?>("--duration")
    {
        Description = "Stop after this many seconds",
    }, 0, MaxDurationSeconds, aboveMin: true, unit: "seconds");

    public static readonly Option<long?> Count = NumberRange.Whole(new Option<long?>("--count")
    {
        Description = "Stop after this many packets",
    }, 1, long.MaxValue, unit: "packets");

    public static readonly Option<string?> WritePcap = new("--write-pcap")
    {
        Description = "Also keep the captured packets in this pcap file",
    };

    /// <summary>The largest --write-pcap cap, 1 TiB in MB: keeps the byte count far from overflow.</summary>
    public const long MaxWritePcapMb = 1L << 20;

    public static readonly Option<long> WritePcapMaxMb = NumberRange.Whole(new Option<long>("--write-pcap-max-mb")
    {
        Description = "Stop writing the --write-pcap file at this size",
        DefaultValueFactory = _ => LiveCaptureOptions.DefaultWritePcapMaxBytes / (1024 * 1024),
    }, 1, MaxWritePcapMb, unit: "MB");

    /// <summary>The longest interval between status lines: a day.</summary>
    public const double MaxStatusIntervalSeconds = 86400;

    public static readonly Option<double> StatusEvery = NumberRange.Real(new Option<double>("--status-interval")
    {
        Description = "Seconds between status lines on stderr (0: none)",
        DefaultValueFactory = _ => 10,
    }, 0, MaxStatusIntervalSeconds, aboveMin: false, unit: "seconds");

    public static readonly PipelineOptions Pipeline = new();

    public static Command Create()
    {
        var command = new Command("sniff", "Capture live on an interface and write alerts as they happen")
        {
            Interface, Filter, Duration, Count, WritePcap, WritePcapMaxMb, StatusEvery,
        };
        Pipeline.AddTo(command);
        command.SetAction((parseResult, cancel) => Task.FromResult(SniffCommand.Run(parseResult, cancel)));
        return command;
    }
}
