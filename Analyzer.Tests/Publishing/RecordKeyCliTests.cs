using Analyzer.Publishing;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Publishing;

/// <summary>
/// Which options of `analyze --publish` change the record keys: those that change the records do (a re-run with
/// them is another analysis, never taken for duplicates), those that only say where the records go do not.
/// </summary>
public class RecordKeyCliTests
{
    private const string Sensor = "home-1";

    private static async Task<List<string>> CapturesOfRun(RedisServer server, TempDir dir, params string[] extra)
    {
        var before = (await StreamContents.ReadAsync(server.Url, RecordType.Alert)).Count;
        string[] args =
        [
            "analyze", Path.Combine(Repo.Samples, "demo-home-attacks.pcap"), "--no-model",
            "--publish", server.Url, "--sensor-id", Sensor, "--spool", dir.File("spool"), .. extra,
        ];
        var run = CliRunner.Run(dir.Path, args);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var alerts = (await StreamContents.ReadAsync(server.Url, RecordType.Alert)).Skip(before).ToList();
        Assert.NotEmpty(alerts);
        Assert.Equal(Enumerable.Range(1, alerts.Count).Select(i => (long)i), alerts.Select(e => e.Index));
        return [.. alerts.Select(e => e.Capture!).Distinct()];
    }

    [RedisFact]
    public async Task OptionsThatChangeTheRecordsChangeTheKeyAndDeliveryOptionsDoNot()
    {
        using var server = new RedisServer();
        using var dir = new TempDir();
        var plain = Assert.Single(await CapturesOfRun(server, dir, "-o", dir.File("a.csv")));
        var delivery = await CapturesOfRun(server, dir, "-o", dir.File("b.jsonl"), "--format", "jsonl", "--jobs", "3", "--quiet",
            "--devices", dir.File("devices.csv"), "--publish-events");
        Assert.Equal([plain], delivery);
        var severity = Assert.Single(await CapturesOfRun(server, dir, "-o", dir.File("c.csv"), "--min-severity", "high"));
        Assert.NotEqual(plain, severity);

        File.WriteAllText(dir.File("sensor.yaml"), "network:\n  lan: [10.0.0.0/8]\n");
        var config = Assert.Single(await CapturesOfRun(server, dir, "-o", dir.File("e.csv"), "--config", dir.File("sensor.yaml")));
        Assert.DoesNotContain(config, new[] { plain, severity });
        File.WriteAllText(dir.File("sensor.yaml"), "network:\n  lan: [172.16.0.0/12]\n");
        Assert.NotEqual([config], await CapturesOfRun(server, dir, "-o", dir.File("g.csv"), "--config", dir.File("sensor.yaml")));
    }
}
