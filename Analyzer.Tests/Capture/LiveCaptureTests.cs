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

    [SkippableFact]
    public void SniffOnLoopbackDecodesSsdpAndNatPmpAndStopsCleanlyOnSigint()
    {
        Skip.IfNot(SniffProcess.CanCapture, SniffProcess.CannotCaptureReason);
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
        sniff.Signal("INT");
        int exit = sniff.WaitForExit(TimeSpan.FromSeconds(10));

        Assert.Equal(0, exit);
        var events = File.ReadAllLines(dir.File("events.csv"));
        Assert.Equal(3, events.Count(l => l.Contains(",ssdp,M-SEARCH,127.0.0.1,")));
        Assert.Single(events, l => l.Contains(",natpmp,MapTcpRequest,127.0.0.1,"));
        Assert.StartsWith("time,rule,category,severity,", File.ReadAllText(dir.File("alerts.csv")));
        Assert.Contains(",ssdp,", File.ReadAllText(dir.File("flows.csv")));
        Assert.Contains("capture: ", sniff.Stderr);
    }

    [SkippableFact]
    public void SniffStopsOnSigtermWithItsSummary()
    {
        Skip.IfNot(SniffProcess.CanCapture, SniffProcess.CannotCaptureReason);
        using var dir = new TempDir();
        using var sniff = new SniffProcess(dir.Path, "-i", "lo", "-o", "alerts.csv", "--status-interval", "0");
        Assert.True(sniff.WaitStarted(StartTimeout), sniff.Stderr);

        sniff.Signal("TERM");

        Assert.Equal(0, sniff.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Contains("read 1 capture:", sniff.Stderr);
    }

    [SkippableFact]
    public void ABurstOfTenThousandPacketsIsAnalyzedOrItsLossReportedExactly()
    {
        Skip.IfNot(SniffProcess.CanCapture, SniffProcess.CannotCaptureReason);
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

[Collection(LiveCaptureCollection.Name)]
public class SniffErrorTests
{
    [Fact]
    public void AnUnknownInterfaceIsOneLineNamingTheRealOnes()
    {
        using var dir = new TempDir();

        var result = CliRunner.Run(dir.Path, "sniff", "-i", "nosuch0");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: unknown interface 'nosuch0'; available: ", result.StderrLines[0]);
        Assert.Contains("lo", result.StderrLines[0]);
        Assert.Single(result.StderrLines, l => l.StartsWith("error:"));
    }

    [SkippableFact]
    public void ABadFilterSaysWhereItGoesWrong()
    {
        Skip.IfNot(SniffProcess.CanCapture, SniffProcess.CannotCaptureReason);
        using var dir = new TempDir();

        var result = CliRunner.Run(dir.Path, "sniff", "-i", "lo", "-f", "udp and (port 1900 or)");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: bad capture filter 'udp and (port 1900 or)': syntax error at word 5 ('or)')", result.StderrLines[0]);
    }

    [SkippableFact]
    public void WithoutCapturePermissionSniffSaysWhatItNeeds()
    {
        // Run as the unprivileged user 'nobody' (needs root to switch, and setpriv from util-linux).
        if (!OperatingSystem.IsLinux()) throw new SkipException("needs Linux (setpriv)");
        Skip.IfNot(SniffProcess.CanCapture, SniffProcess.CannotCaptureReason);
        Skip.IfNot(File.Exists("/usr/bin/setpriv"), "needs /usr/bin/setpriv (util-linux) to run as the user 'nobody'");
        Skip.IfNot(OthersCanRun(CliRunner.ProgramPath), $"the user 'nobody' cannot read {CliRunner.ProgramPath}");
        using var dir = new TempDir();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0x1FF);
        var psi = new System.Diagnostics.ProcessStartInfo("/usr/bin/setpriv")
        {
            WorkingDirectory = dir.Path,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", CliRunner.ProgramPath, "sniff", "-i", "lo", "-o", "alerts.csv" })
            psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = dir.Path;
        psi.Environment["DOTNET_CLI_HOME"] = dir.Path;
        using var process = System.Diagnostics.Process.Start(psi)!;
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(
            "error: no permission to capture on lo: capture needs root or the CAP_NET_RAW and CAP_NET_ADMIN capabilities " +
            "(e.g. sudo setcap cap_net_raw,cap_net_admin+eip \"$(readlink -f \"$(command -v dotnet)\")\")",
            stderr.Trim());
    }

    /// <summary>The program's folders can be entered by any user (a checkout under /root cannot).</summary>
    private static bool OthersCanRun(string path)
    {
        if (!OperatingSystem.IsLinux()) return false;
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            if (!File.GetUnixFileMode(dir).HasFlag(UnixFileMode.OtherExecute)) return false;
        return true;
    }

    [Fact]
    public void SniffWithoutAnInterfaceIsAUsageError()
    {
        using var dir = new TempDir();

        Assert.Equal(2, CliRunner.Run(dir.Path, "sniff").ExitCode);
    }
}
