using System.CommandLine;
using Analyzer.Capture;

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

    public static readonly Option<double?> Duration = new("--duration")
    {
        Description = "Stop after this many seconds",
    };

    public static readonly Option<long?> Count = new("--count")
    {
        Description = "Stop after this many packets",
    };

    public static readonly Option<string?> WritePcap = new("--write-pcap")
    {
        Description = "Also keep the captured packets in this pcap file",
    };

    public static readonly Option<long> WritePcapMaxMb = new("--write-pcap-max-mb")
    {
        Description = "Stop writing the --write-pcap file at this size",
        DefaultValueFactory = _ => LiveCaptureOptions.DefaultWritePcapMaxBytes / (1024 * 1024),
    };

    public static readonly Option<double> StatusEvery = new("--status-interval")
    {
        Description = "Seconds between status lines on stderr (0: none)",
        DefaultValueFactory = _ => 10,
    };

    public static readonly PipelineOptions Pipeline = new();

    public static Command Create()
    {
        Duration.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is <= 0) r.AddError("--duration must be positive"); });
        Count.Validators.Add(r => { if (r.GetValueOrDefault<long?>() is <= 0) r.AddError("--count must be positive"); });
        WritePcapMaxMb.Validators.Add(r => { if (r.GetValueOrDefault<long>() <= 0) r.AddError("--write-pcap-max-mb must be positive"); });
        StatusEvery.Validators.Add(r => { if (r.GetValueOrDefault<double>() < 0) r.AddError("--status-interval must not be negative"); });
        var command = new Command("sniff", "Capture live on an interface and write alerts as they happen")
        {
            Interface, Filter, Duration, Count, WritePcap, WritePcapMaxMb, StatusEvery,
        };
        Pipeline.AddTo(command);
        command.SetAction((parseResult, cancel) => Task.FromResult(SniffCommand.Run(parseResult, cancel)));
        return command;
    }
}
