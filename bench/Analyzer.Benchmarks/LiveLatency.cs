using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Analyzer.Benchmarks;

/// <summary>
/// Live alert latency against a running <c>analyzer sniff -i lo</c>: sends SSDP M-SEARCH probes whose ST holds shell
/// syntax (rule ssdp-header-injection) and an id, optionally under a steady flood of background UDP datagrams, and
/// tails the sniffer's alert CSV for the row carrying each id. Every datagram goes to a loopback address, the count
/// and the time are bounded, and the program stops by itself.
/// </summary>
internal static class LiveLatency
{
    private const int MaxRate = 100_000;
    private const double MaxSeconds = 60;
    private const double MaxWaitSeconds = 60;
    private const int ProbeIntervalMs = 100;
    private const int QuietProbes = 3;
    private const int QuietProbeGapMs = 3000;
    private const int BackgroundPayloadBytes = 200;
    private const int BackgroundPort = 40999;
    private const int SsdpPort = 1900;

    private static readonly IPAddress Target = IPAddress.Parse("127.0.0.1");
    private static readonly IPAddress BackgroundSource = IPAddress.Parse("127.0.0.2");

    /// <summary><c>live ALERTS_CSV RATE SECONDS [WAIT]</c>; RATE 0: three single probes on a quiet link.</summary>
    public static int Run(string[] args)
    {
        if (args.Length < 3
            || !int.TryParse(args[1], CultureInfo.InvariantCulture, out int rate) || rate < 0 || rate > MaxRate
            || !double.TryParse(args[2], CultureInfo.InvariantCulture, out double seconds) || seconds <= 0 || seconds > MaxSeconds)
        {
            Console.Error.WriteLine($"usage: live ALERTS_CSV RATE(0..{MaxRate}) SECONDS(<= {MaxSeconds}) [WAIT_SECONDS]");
            return 2;
        }
        double wait = args.Length > 3 ? Math.Min(double.Parse(args[3], CultureInfo.InvariantCulture), MaxWaitSeconds) : 30;
        string run = Environment.ProcessId.ToString("x", CultureInfo.InvariantCulture);

        // Receivers on the target ports, so that the datagrams are delivered and draw no ICMP port unreachable.
        using var ssdpSink = Bound(new IPEndPoint(Target, SsdpPort));
        using var backgroundSink = Bound(new IPEndPoint(Target, BackgroundPort));
        using var tail = new CsvTail(args[0]);

        var clock = Stopwatch.StartNew();
        var sent = new List<(string Id, double At)>();
        // The file is watched from the start, beside the sending: a row is timed when it appears, not when sending ends.
        var seenAt = new System.Collections.Concurrent.ConcurrentDictionary<string, double>();
        string marker = string.Create(CultureInfo.InvariantCulture, $"probe-{run}-");
        int idLength = marker.Length + 5;
        using var stopWatching = new CancellationTokenSource();
        var watcher = new Thread(() =>
        {
            while (!stopWatching.IsCancellationRequested)
            {
                foreach (var line in tail.NewLines())
                {
                    int at = line.IndexOf(marker, StringComparison.Ordinal);
                    if (at >= 0 && at + idLength <= line.Length) seenAt.TryAdd(line.Substring(at, idLength), clock.Elapsed.TotalSeconds);
                }
                Thread.Sleep(2);
            }
        }) { IsBackground = true };
        watcher.Start();
        long background = 0;
        if (rate == 0)
        {
            for (int i = 0; i < QuietProbes; i++)
            {
                if (i > 0) Thread.Sleep(QuietProbeGapMs);
                sent.Add(Probe(run, i, clock));
            }
        }
        else
        {
            using var flood = Bound(new IPEndPoint(BackgroundSource, 0));
            var payload = new byte[BackgroundPayloadBytes];
            var to = new IPEndPoint(Target, BackgroundPort);
            long total = (long)(rate * seconds);
            double nextProbe = 0;
            while (background < total && clock.Elapsed.TotalSeconds < seconds + 1)
            {
                double now = clock.Elapsed.TotalSeconds;
                if (now >= nextProbe)
                {
                    sent.Add(Probe(run, sent.Count, clock));
                    nextProbe += ProbeIntervalMs / 1000.0;
                }
                long due = Math.Min(total, (long)(now * rate));
                if (background >= due) { Thread.Sleep(1); continue; }
                while (background < due)
                {
                    flood.SendTo(payload, to);
                    background++;
                }
            }
        }
        double sendSeconds = clock.Elapsed.TotalSeconds;

        var deadline = sendSeconds + wait;
        while (sent.Any(p => !seenAt.ContainsKey(p.Id)) && clock.Elapsed.TotalSeconds < deadline) Thread.Sleep(10);
        stopWatching.Cancel();
        watcher.Join();
        var seen = new Dictionary<string, double>(seenAt);

        string first = sent.Count > 0 && seen.TryGetValue(sent[0].Id, out double firstSeen) ? Format(firstSeen - sent[0].At) : "missing";
        var latencies = sent.Where(p => seen.ContainsKey(p.Id)).Select(p => seen[p.Id] - p.At).Order().ToList();
        int missing = sent.Count - latencies.Count;
        // A probe never seen counts as the wait itself, so p99 cannot look better than it is.
        latencies.AddRange(Enumerable.Repeat(double.PositiveInfinity, missing));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"probes={sent.Count} seen={sent.Count - missing} background={background} send_seconds={sendSeconds:0.00} rate={background / Math.Max(sendSeconds, 1e-9):0} " +
            $"first={first} p50={Format(Percentile(latencies, 0.50))} p99={Format(Percentile(latencies, 0.99))} max={Format(latencies.Count == 0 ? double.NaN : latencies[^1])}"));
        return 0;
    }

    /// <summary>One M-SEARCH from its own source address (127.77.x.y), so repeats are not folded into one alert row.</summary>
    private static (string Id, double At) Probe(string run, int index, Stopwatch clock)
    {
        string id = string.Create(CultureInfo.InvariantCulture, $"probe-{run}-{index:D5}");
        var source = new IPAddress(new byte[] { 127, 77, (byte)(index / 250), (byte)(index % 250 + 1) });
        using var socket = Bound(new IPEndPoint(source, 0));
        var text = $"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: {id};wget\r\n\r\n";
        double at = clock.Elapsed.TotalSeconds;
        socket.SendTo(Encoding.ASCII.GetBytes(text), new IPEndPoint(Target, SsdpPort));
        return (id, at);
    }

    private static Socket Bound(IPEndPoint local)
    {
        if (!IPAddress.IsLoopback(local.Address)) throw new InvalidOperationException($"{local.Address} is not a loopback address");
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(local);
        return socket;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Format(double seconds) =>
        double.IsPositiveInfinity(seconds) ? "missing" : double.IsNaN(seconds) ? "none" : seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
