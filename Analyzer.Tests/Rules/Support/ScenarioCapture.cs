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

    /// <summary>
    /// One HTTP exchange on a fresh TCP connection: handshake, the request, the response (if any), and an orderly
    /// close. Each step moves time by a millisecond.
    /// </summary>
    public ScenarioCapture Http(string client, ushort clientPort, string server, ushort serverPort, string request, string? response,
        ulong clientMac, ulong serverMac)
    {
        var req = System.Text.Encoding.UTF8.GetBytes(request);
        var resp = response is null ? [] : System.Text.Encoding.UTF8.GetBytes(response);
        uint c = 1000, s = 9000;
        Tcp(client, clientPort, server, serverPort, 0x02, c, 0, [], clientMac).Wait(0.001);
        Tcp(server, serverPort, client, clientPort, 0x12, s, c + 1, [], serverMac).Wait(0.001);
        Tcp(client, clientPort, server, serverPort, 0x10, c + 1, s + 1, [], clientMac).Wait(0.001);
        Tcp(client, clientPort, server, serverPort, 0x18, c + 1, s + 1, req, clientMac).Wait(0.001);
        uint cEnd = c + 1 + (uint)req.Length;
        if (resp.Length > 0) Tcp(server, serverPort, client, clientPort, 0x18, s + 1, cEnd, resp, serverMac).Wait(0.001);
        uint sEnd = s + 1 + (uint)resp.Length;
        Tcp(client, clientPort, server, serverPort, 0x11, cEnd, sEnd, [], clientMac).Wait(0.001);
        Tcp(server, serverPort, client, clientPort, 0x11, sEnd, cEnd + 1, [], serverMac).Wait(0.001);
        return Tcp(client, clientPort, server, serverPort, 0x10, cEnd + 1, sEnd + 1, [], clientMac).Wait(0.001);
    }

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
