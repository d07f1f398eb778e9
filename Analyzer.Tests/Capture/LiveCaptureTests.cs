using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Capture;

/// <summary>
/// Real capture on the loopback interface: messages sent to 127.0.0.1 must come out as events and alerts, and
/// stopping with a signal must leave complete files. Ports are bound by the test so the kernel does not answer
/// with ICMP port-unreachable.
/// </summary>
[Collection(LiveCaptureCollection.Name)]
public class LiveCaptureTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private static byte[] MSearch(int i) =>
        System.Text.Encoding.ASCII.GetBytes($"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: urn:test:{i}\r\n\r\n");

    private static readonly byte[] NatPmpMapTcp = [0, 2, 0, 0, 0x1F, 0x90, 0x1F, 0x90, 0, 0, 0x1C, 0x20];

    [Fact]
    public void SniffOnLoopbackDecodesSsdpAndNatPmpAndStopsCleanlyOnSigint()
    {
        if (!SniffProcess.CanCapture) return;
        using var dir = new TempDir();
        using var ssdpPort = new UdpClient(new IPEndPoint(IPAddress.Loopback, 1900));
        using var natPmpPort = new UdpClient(new IPEndPoint(IPAddress.Loopback, 5351));
        using var sniff = new SniffProcess(dir.Path, "-i", "lo", "-f", "udp port 1900 or udp port 5351", "-o", "alerts.csv",
            "--events", "events.csv", "--flows", "flows.csv", "--status-interval", "0");
        Assert.True(sniff.WaitStarted(StartTimeout), sniff.Stderr);

        using var sender = new UdpClient();
        for (int i = 0; i < 3; i++) sender.Send(MSearch(i), new IPEndPoint(IPAddress.Loopback, 1900));
        sender.Send(NatPmpMapTcp, new IPEndPoint(IPAddress.Loopback, 5351));
        Thread.Sleep(1000);
        var clock = Stopwatch.StartNew();
        sniff.Signal("INT");
        int exit = sniff.WaitForExit(TimeSpan.FromSeconds(10));

        Assert.Equal(0, exit);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"stopping took {clock.Elapsed}");
        var events = File.ReadAllLines(dir.File("events.csv"));
        Assert.Equal(3, events.Count(l => l.Contains(",ssdp,M-SEARCH,127.0.0.1,")));
        Assert.Single(events, l => l.Contains(",natpmp,MapTcpRequest,127.0.0.1,"));
        Assert.StartsWith("time,rule,category,severity,", File.ReadAllText(dir.File("alerts.csv")));
        Assert.Contains(",ssdp,", File.ReadAllText(dir.File("flows.csv")));
        Assert.Contains("capture: ", sniff.Stderr);
    }

    [Fact]
    public void SniffStopsOnSigtermWithItsSummary()
    {
        if (!SniffProcess.CanCapture) return;
        using var dir = new TempDir();
        using var sniff = new SniffProcess(dir.Path, "-i", "lo", "-o", "alerts.csv", "--status-interval", "0");
        Assert.True(sniff.WaitStarted(StartTimeout), sniff.Stderr);

        sniff.Signal("TERM");

        Assert.Equal(0, sniff.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Contains("read 1 capture:", sniff.Stderr);
    }

    [Fact]
    public void ABurstOfTenThousandPacketsIsAnalyzedOrItsLossReportedExactly()
    {
        if (!SniffProcess.CanCapture) return;
        const int burst = 10_000;
        using var dir = new TempDir();
        using var port = new UdpClient(new IPEndPoint(IPAddress.Loopback, 5350));
        using var sniff = new SniffProcess(dir.Path, "-i", "lo", "-f", "udp dst port 5350", "-o", "alerts.csv",
            "--events", "events.csv", "--status-interval", "0");
        Assert.True(sniff.WaitStarted(StartTimeout), sniff.Stderr);

        using var sender = new UdpClient();
        var target = new IPEndPoint(IPAddress.Loopback, 5350);
        byte[] request = [0, 0];
        for (int i = 0; i < burst; i++) sender.Send(request, target);
        Thread.Sleep(1500);
        sniff.Signal("INT");
        Assert.Equal(0, sniff.WaitForExit(TimeSpan.FromSeconds(20)));

        int decoded = File.ReadAllLines(dir.File("events.csv")).Count(l => l.Contains(",natpmp,ExternalAddressRequest,"));
        var drop = System.Text.RegularExpressions.Regex.Match(sniff.Stderr, @"dropped: kernel ([\d,]+), interface ([\d,]+), queue ([\d,]+)");
        Assert.True(drop.Success, sniff.Stderr);
        long dropped = Enumerable.Range(1, 3).Sum(g => long.Parse(drop.Groups[g].Value.Replace(",", "")));
        Assert.Equal(burst, decoded + dropped);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveCaptureCollection
{
    public const string Name = "live capture on lo";
}
