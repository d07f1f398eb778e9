using System.Diagnostics;
using System.Text;
using Analyzer.Publishing;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Publishing;

/// <summary>
/// `analyze --publish` of the sample captures (many files, one sensor) against a real redis-server while it fails:
/// the broker killed with SIGKILL in the middle and restarted, the sensor killed in the middle and re-run, the broker
/// refusing connections for a while. After each, the stream holds every alert of the run exactly once after
/// de-duplication by record identity (sensor, capture key, index), in the order of the run's own alert file, and
/// `fleet report --sensor` prints the census `analyzer report` prints from the run's local files. Every wait is
/// bounded; nothing is timed.
/// </summary>
public class FleetCliFaultTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private const string Sensor = "home-1";

    private static string[] AnalyzeArgs(TempDir dir, string url) =>
    [
        "analyze", Repo.Samples, "--jobs", "1", "--format", "jsonl", "--no-model",
        "-o", dir.File("alerts.jsonl"), "--devices", dir.File("devices.jsonl"), "--mappings", dir.File("mappings.jsonl"),
        "--publish", url, "--sensor-id", Sensor, "--spool", dir.File("spool"),
    ];

    /// <summary>The program as a child process whose stderr is read as it comes.</summary>
    private sealed class Running : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stderr = new();
        private readonly Task<string> _stdout;

        public Running(string workingDirectory, string[] args)
        {
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(CliRunner.ProgramPath);
            foreach (var a in args) psi.ArgumentList.Add(a);
            _process = Process.Start(psi)!;
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
            _process.BeginErrorReadLine();
            _stdout = _process.StandardOutput.ReadToEndAsync();
        }

        public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }
        public bool HasExited => _process.HasExited;

        public void Kill()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public int Wait()
        {
            if (!_process.WaitForExit(Patience)) { Kill(); throw new TimeoutException("analyzer did not finish"); }
            _process.WaitForExit();
            _stdout.Wait(Patience);
            return _process.ExitCode;
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }
    }

    private static long StreamLength(RedisServer server, RecordType type)
    {
        try
        {
            var answer = server.Command("XLEN " + type.StreamName());
            return answer.StartsWith(':') ? long.Parse(answer[1..]) : 0;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException) { return 0; }
    }

    private static async Task WaitFor(Func<bool> condition, Running run, string what)
    {
        // The run may end before the condition holds (a fast machine): then the fault comes after it, which the
        // spool must survive just the same.
        await StreamContents.WaitUntil(() => condition() || run.HasExited, Patience, what);
    }

    /// <summary>Every alert of the local file, in its order, once; the fleet's census of the sensor equals the local one.</summary>
    private static async Task AssertStreamMatchesLocalFiles(RedisServer server, TempDir dir)
    {
        var local = File.ReadAllLines(dir.File("alerts.jsonl")).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(local);
        var stream = StreamContents.Deduplicated((await StreamContents.ReadAsync(server.Url, RecordType.Alert)).Where(e => e.Sensor == Sensor)).ToList();
        Assert.Equal(local, stream.Select(e => e.Json).ToList());
        Assert.Equal(stream.Select(e => e.Sequence).Order().ToList(), stream.Select(e => e.Sequence).ToList());

        var fleet = CliRunner.Run(dir.Path, "fleet", "report", "--redis", server.Url, "--sensor", Sensor, "--idle", "0.5");
        Assert.True(fleet.ExitCode == 0, fleet.Stderr);
        var report = CliRunner.Run(dir.Path, "report", "--devices", dir.File("devices.jsonl"), "--alerts", dir.File("alerts.jsonl"), "--mappings", dir.File("mappings.jsonl"));
        Assert.True(report.ExitCode == 0, report.Stderr);
        // The first line names the source (the broker, or the files); the census after it is the same.
        Assert.Equal(report.Stdout.Split('\n').Skip(1), fleet.Stdout.Split('\n').Skip(1));
    }

    [RedisFact]
    public async Task BrokerKilledInTheMiddleAndRestarted()
    {
        using var server = new RedisServer(persistent: true);
        using var dir = new TempDir();
        using (var run = new Running(dir.Path, AnalyzeArgs(dir, server.Url)))
        {
            await WaitFor(() => StreamLength(server, RecordType.Alert) > 0, run, "the first alerts are in the stream");
            server.Kill();
            server.Start();
            Assert.Equal(0, run.Wait());
            Assert.Contains("published: broker up", run.Stderr);
            Assert.True(run.Stderr.Contains(", 0 spooled"), run.Stderr);
        }
        await AssertStreamMatchesLocalFiles(server, dir);
    }

    [RedisFact]
    public async Task BrokerRefusedForAWhile()
    {
        using var server = new RedisServer(start: false);
        using var dir = new TempDir();
        using (var run = new Running(dir.Path, AnalyzeArgs(dir, server.Url)))
        {
            await WaitFor(() => run.Stderr.Contains("warning: broker"), run, "the run says the broker is unreachable");
            server.Start();
            Assert.Equal(0, run.Wait());
            var warnings = run.Stderr.Split('\n').Where(l => l.StartsWith("warning: broker", StringComparison.Ordinal)).ToList();
            Assert.Single(warnings);
            Assert.Contains("records are kept in", warnings[0]);
            Assert.True(run.Stderr.Contains(", 0 spooled"), run.Stderr);
        }
        await AssertStreamMatchesLocalFiles(server, dir);
    }

    [RedisFact]
    public async Task SensorKilledInTheMiddleAndRunAgain()
    {
        using var server = new RedisServer();
        using var dir = new TempDir();
        using (var run = new Running(dir.Path, AnalyzeArgs(dir, server.Url)))
        {
            await WaitFor(() => StreamLength(server, RecordType.Alert) > 0, run, "the first alerts are in the stream");
            run.Kill();
        }
        var first = StreamContents.Deduplicated((await StreamContents.ReadAsync(server.Url, RecordType.Alert)).Where(e => e.Sensor == Sensor)).Count;
        Assert.True(first > 0);

        // The re-run sends what the killed run left in the spool, then publishes every record again under the same
        // capture keys and indexes: what the broker already has comes twice and is dropped by de-duplication.
        var again = CliRunner.Run(dir.Path, AnalyzeArgs(dir, server.Url));
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains(", 0 spooled", again.Stderr);

        var local = File.ReadAllLines(dir.File("alerts.jsonl")).Where(l => l.Length > 0).ToList();
        var raw = (await StreamContents.ReadAsync(server.Url, RecordType.Alert)).Where(e => e.Sensor == Sensor).ToList();
        Assert.All(raw, e => Assert.Matches("^[0-9a-f]{32}$", e.Capture));
        Assert.True(raw.Count >= first + local.Count, $"{raw.Count} alerts in the stream, {first} before the re-run and {local.Count} of it");
        await AssertStreamMatchesLocalFiles(server, dir);
    }

    [RedisFact]
    public async Task ARunWithMoreJobsPublishesTheSameRecordIdentities()
    {
        using var server = new RedisServer();
        using var dir = new TempDir();
        var one = CliRunner.Run(dir.Path, AnalyzeArgs(dir, server.Url));
        Assert.True(one.ExitCode == 0, one.Stderr);
        var alertsOfOneJob = File.ReadAllText(dir.File("alerts.jsonl"));
        var twoJobs = AnalyzeArgs(dir, server.Url);
        twoJobs[Array.IndexOf(twoJobs, "--jobs") + 1] = "2";
        var two = CliRunner.Run(dir.Path, twoJobs);
        Assert.True(two.ExitCode == 0, two.Stderr);
        Assert.Equal(alertsOfOneJob, File.ReadAllText(dir.File("alerts.jsonl")));

        // Each capture's records interleave differently with two pipelines, but carry the same keys: nothing is new.
        var raw = (await StreamContents.ReadAsync(server.Url, RecordType.Alert)).Where(e => e.Sensor == Sensor).ToList();
        var local = alertsOfOneJob.Split('\n').Where(l => l.Length > 0).ToList();
        Assert.Equal(2 * local.Count, raw.Count);
        Assert.Equal(local, StreamContents.Deduplicated(raw).Select(e => e.Json).ToList());
        Assert.Equal(local.Order(StringComparer.Ordinal), raw.Skip(local.Count).Select(e => e.Json).Order(StringComparer.Ordinal));
        await AssertStreamMatchesLocalFiles(server, dir);
    }

    [RedisFact]
    public async Task AnotherCaptureUnderTheSameSensorIdIsNeverTakenForADuplicate()
    {
        using var server = new RedisServer();
        using var dir = new TempDir();
        var capture = dir.File("home.pcap");
        File.Copy(Path.Combine(Repo.Samples, "demo-home-attacks.pcap"), capture);
        string[] Args() => ["analyze", capture, "--no-model", "--format", "jsonl", "-o", dir.File("alerts.jsonl"),
            "--publish", server.Url, "--sensor-id", Sensor, "--spool", dir.File("spool")];
        Assert.Equal(0, CliRunner.Run(dir.Path, Args()).ExitCode);
        var before = File.ReadAllLines(dir.File("alerts.jsonl")).Where(l => l.Length > 0).ToList();

        // The same file name, rewritten with another capture (a sensor's rotating capture file).
        File.Copy(Path.Combine(Repo.Samples, "sensitive-port-exposure.pcapng"), capture, overwrite: true);
        Assert.Equal(0, CliRunner.Run(dir.Path, Args()).ExitCode);
        var after = File.ReadAllLines(dir.File("alerts.jsonl")).Where(l => l.Length > 0).ToList();

        var stream = StreamContents.Deduplicated((await StreamContents.ReadAsync(server.Url, RecordType.Alert)).Where(e => e.Sensor == Sensor));
        Assert.Equal([.. before, .. after], stream.Select(e => e.Json).ToList());
    }
}
