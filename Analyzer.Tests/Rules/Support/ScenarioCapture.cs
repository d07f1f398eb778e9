using System.Buffers.Binary;
using Analyzer.Output;
using Analyzer.Pipeline;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Rules.Support;

/// <summary>
/// A small Ethernet capture built datagram by datagram (each host with its own MAC), run through the real pipeline
/// with the ledger and inventory on; returns the alerts and the CSV files.
/// </summary>
public sealed class ScenarioCapture
{
    private readonly PcapBuilder _pcap = new(linkType: 1);
    private long _nowUs = RuleHarness.Start;

    public ScenarioCapture Wait(double seconds)
    {
        _nowUs += (long)(seconds * 1_000_000);
        return this;
    }

    public ScenarioCapture Udp(string src, ushort srcPort, string dst, ushort dstPort, byte[] payload, ulong mac) =>
        Ethernet(Frames.Ipv4(src, dst, 17, Frames.Udp(srcPort, dstPort, payload)), mac);

    /// <summary>One TCP segment; flags as in the header byte (0x02 SYN, 0x12 SYN-ACK, 0x10 ACK, 0x18 PSH-ACK, 0x04 RST).</summary>
    public ScenarioCapture Tcp(string src, ushort srcPort, string dst, ushort dstPort, byte flags, uint seq, uint ack, byte[] payload, ulong mac) =>
        Ethernet(Frames.Ipv4(src, dst, 6, Frames.Tcp(srcPort, dstPort, seq, ack, flags, payload)), mac);

    private ScenarioCapture Ethernet(byte[] ip, ulong mac)
    {
        var frame = new byte[14 + ip.Length];
        Frames.DstMac.CopyTo(frame, 0);
        var macBytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(macBytes, mac);
        macBytes.AsSpan(2).CopyTo(frame.AsSpan(6));
        frame[12] = 0x08;
        ip.CopyTo(frame, 14);
        _pcap.Add(frame, _nowUs);
        return this;
    }

    public sealed record Result(List<Alert> Alerts, string[] Mappings, string[] Devices);

    public Result Run(Func<PipelineSettings, PipelineSettings>? configure = null)
    {
        using var dir = new TempDir();
        var capture = _pcap.WriteTo(dir.File("scenario.pcap"));
        var settings = new PipelineSettings
        {
            AlertsPath = dir.File("alerts.csv"), MappingsPath = dir.File("mappings.csv"), DevicesPath = dir.File("devices.csv"),
        };
        if (configure is not null) settings = configure(settings);
        var alerts = new Collector();
        using (var pipeline = new AnalyzerPipeline(settings, extraAlertSink: alerts))
        {
            pipeline.BeginCapture(capture);
            new Analyzer.Capture.PcapFileSource(capture).Run(pipeline);
            pipeline.EndCapture();
            pipeline.Finish();
        }
        return new Result(alerts.Alerts, Lines(settings.MappingsPath), Lines(settings.DevicesPath));
    }

    private static string[] Lines(string? path) =>
        path is null ? [] : File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private sealed class Collector : IAlertSink
    {
        public List<Alert> Alerts { get; } = [];
        public void OnAlert(Alert alert) => Alerts.Add(alert);
    }
}
