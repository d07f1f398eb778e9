using Analyzer.Publishing;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Publishing;

/// <summary>The publisher against a real redis-server, including the faults it must survive.</summary>
public class RedisPublishingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private sealed class Sensor : IAsyncDisposable
    {
        public required RecordPublisher Publisher { get; init; }
        public required CountingTransport Transport { get; init; }
        public required List<BrokerStateChange> Changes { get; init; }
        public List<(long Sequence, string Json)> Alerts { get; } = [];
        public List<(long Sequence, string Json)> Events { get; } = [];

        public static Sensor Start(string url, string spool, string id = "sensor-1", int batch = 100, int maxStreamLength = 1_000_000)
        {
            var transport = new CountingTransport(new RedisStreamTransport(PublishTarget.Parse(url), maxStreamLength, TimeSpan.FromSeconds(2)));
            var changes = new List<BrokerStateChange>();
            var options = new PublisherOptions
            {
                SensorId = id,
                SpoolDirectory = spool,
                BatchRecords = batch,
                InitialBackoff = TimeSpan.FromMilliseconds(20),
                MaxBackoff = TimeSpan.FromMilliseconds(250),
            };
            var publisher = RecordPublisher.Start(options, transport, c => { lock (changes) changes.Add(c); });
            return new Sensor { Publisher = publisher, Transport = transport, Changes = changes };
        }

        /// <summary>Publishes alerts and events alternately, remembering what each got.</summary>
        public void Publish(int from, int count)
        {
            for (int n = from; n < from + count; n++)
            {
                var type = n % 2 == 0 ? RecordType.Alert : RecordType.Event;
                var json = Records.Json(type, n);
                Assert.True(Publisher.Publish(type, json));
                (type == RecordType.Alert ? Alerts : Events).Add((Publisher.Status.LastSequence, Records.Text(json)));
            }
        }

        public List<BrokerStateChange> StateChanges { get { lock (Changes) return [.. Changes]; } }

        public ValueTask DisposeAsync() => Publisher.DisposeAsync();
    }

    [RedisFact]
    public async Task EachRecordGoesToTheStreamOfItsTypeWithSensorIdAndSequence()
    {
        using var server = new RedisServer();
        using var spool = new TempDir();
        await using var sensor = Sensor.Start(server.Url, spool.Path, id: "home-42");
        var sent = new List<(RecordType Type, long Sequence)>();
        foreach (var type in new[] { RecordType.Alert, RecordType.Event, RecordType.Flow, RecordType.Mapping, RecordType.Device, RecordType.Alert })
        {
            Assert.True(sensor.Publisher.Publish(type, Records.Json(type, sent.Count)));
            sent.Add((type, sensor.Publisher.Status.LastSequence));
        }
        Assert.True(await sensor.Publisher.DrainAsync(Patience));

        foreach (var type in RecordTypes.All)
        {
            var expected = sent.Select((s, n) => (s.Type, s.Sequence, n)).Where(s => s.Type == type)
                .Select(s => new StreamContents.Entry("home-42", s.Sequence, Records.Text(Records.Json(type, s.n))));
            Assert.Equal(expected, await StreamContents.ReadAsync(server.Url, type));
        }
        Assert.Equal(Enumerable.Range(1, 6).Select(i => sent[0].Sequence + i - 1), sent.Select(s => s.Sequence));
        var status = sensor.Publisher.Status;
        Assert.Equal((BrokerState.Reachable, 6L, 6L, 0L), (status.State, status.Accepted, status.Delivered, status.Pending));
        var change = Assert.Single(sensor.StateChanges);
        Assert.Equal(new BrokerStateChange(BrokerState.Reachable, $"publishing to redis://127.0.0.1:{server.Port}/0 as sensor home-42"), change);
    }

    [RedisFact]
    public async Task AKeyedRecordCarriesItsCaptureKeyAndIndexAndAnUnkeyedOneNeither()
    {
        using var server = new RedisServer();
        using var spool = new TempDir();
        await using var sensor = Sensor.Start(server.Url, spool.Path, id: "home-42");
        Assert.True(sensor.Publisher.Publish(RecordType.Alert, Records.Json(RecordType.Alert, 1), new RecordKey("0123abcd", 5)));
        long first = sensor.Publisher.Status.LastSequence;
        Assert.True(sensor.Publisher.Publish(RecordType.Alert, Records.Json(RecordType.Alert, 2)));
        Assert.True(await sensor.Publisher.DrainAsync(Patience));

        Assert.Equal(
            [
                new StreamContents.Entry("home-42", first, "{\"type\":\"alert\",\"n\":1}", "0123abcd", 5),
                new StreamContents.Entry("home-42", first + 1, "{\"type\":\"alert\",\"n\":2}"),
            ],
            await StreamContents.ReadAsync(server.Url, RecordType.Alert));
        Assert.Throws<ArgumentException>(() => sensor.Publisher.Publish(RecordType.Alert, Records.Json(RecordType.Alert, 3), new RecordKey("has space", 1)));
    }

    [RedisFact]
    public async Task StreamsAreTrimmedToAboutTheConfiguredLength()
    {
        using var server = new RedisServer();
        using var spool = new TempDir();
        await using var sensor = Sensor.Start(server.Url, spool.Path, maxStreamLength: 100);
        sensor.Publish(0, 4000);
        Assert.True(await sensor.Publisher.DrainAsync(Patience));

        var alerts = await StreamContents.ReadAsync(server.Url, RecordType.Alert);
        // MAXLEN ~ trims whole internal nodes (100 entries each by default): at least 100 stay, never much more.
        Assert.InRange(alerts.Count, 100, 300);
        Assert.Equal(sensor.Alerts[^alerts.Count..], alerts.Select(e => (e.Sequence, e.Json)));
    }

    [RedisFact]
    public async Task ABrokerNotYetStartedGetsEveryRecordInOrderOnceItIsUpAndTheOutageIsReportedOnce()
    {
        using var server = new RedisServer(start: false);
        using var spool = new TempDir();
        await using var sensor = Sensor.Start(server.Url, spool.Path);
        sensor.Publish(0, 1000);
        await StreamContents.WaitUntil(() => sensor.Transport.Attempts >= 4, Patience, "the sender retried");
        var down = sensor.Publisher.Status;
        Assert.Equal((BrokerState.Unreachable, 0L, 1000L), (down.State, down.Delivered, down.Pending));

        server.Start();
        Assert.True(await sensor.Publisher.DrainAsync(Patience));

        StreamContents.AssertExactlyOnceInOrder(sensor.Alerts, await StreamContents.ReadAsync(server.Url, RecordType.Alert), "sensor-1");
        StreamContents.AssertExactlyOnceInOrder(sensor.Events, await StreamContents.ReadAsync(server.Url, RecordType.Event), "sensor-1");
        var changes = sensor.StateChanges;
        Assert.Equal([BrokerState.Unreachable, BrokerState.Reachable], changes.Select(c => c.State));
        Assert.StartsWith($"broker redis://127.0.0.1:{server.Port}/0: ", changes[0].Message);
        Assert.EndsWith($"; records are kept in {spool.Path} and sent when it is back", changes[0].Message);
        Assert.DoesNotContain('\n', changes[0].Message);
        Assert.Equal($"broker redis://127.0.0.1:{server.Port}/0 is reachable again; sending 1,000 spooled records", changes[1].Message);
    }

    [RedisFact]
    public async Task ABrokerKilledMidRunAndRestartedWithItsDataEndsWithEveryAlertOnceInOrder()
    {
        using var server = new RedisServer(persistent: true);
        using var spool = new TempDir();
        await using var sensor = Sensor.Start(server.Url, spool.Path, batch: 20);
        sensor.Publish(0, 2000);
        await StreamContents.WaitUntil(() => sensor.Publisher.Status.Delivered >= 200, Patience, "part of the run was delivered");
        server.Kill();
        sensor.Publish(2000, 2000);
        await StreamContents.WaitUntil(() => sensor.Publisher.Status.State == BrokerState.Unreachable, Patience, "the outage was noticed");
        sensor.Publish(4000, 1000);
        server.Start();
        Assert.True(await sensor.Publisher.DrainAsync(Patience));

        StreamContents.AssertExactlyOnceInOrder(sensor.Alerts, await StreamContents.ReadAsync(server.Url, RecordType.Alert), "sensor-1");
        StreamContents.AssertExactlyOnceInOrder(sensor.Events, await StreamContents.ReadAsync(server.Url, RecordType.Event), "sensor-1");
        Assert.Equal(BrokerState.Reachable, sensor.Publisher.Status.State);
        Assert.Equal(1, sensor.StateChanges.Count(c => c.State == BrokerState.Unreachable));
    }

    [RedisFact]
    public async Task ASensorCrashedMidRunIsResumedFromItsSpoolByTheNextRun()
    {
        using var server = new RedisServer();
        using var spool = new TempDir();
        var first = Sensor.Start(server.Url, spool.Path, batch: 10);
        first.Publish(0, 3000);
        await StreamContents.WaitUntil(() => first.Publisher.Status is { Queued: 0, Delivered: >= 100 }, Patience, "the run was spooled and partly sent");
        await first.Publisher.AbandonAsync();
        long lastOfFirstRun = first.Publisher.Status.LastSequence;

        await using var second = Sensor.Start(server.Url, spool.Path, batch: 10);
        second.Publish(3000, 1000);
        Assert.True(await second.Publisher.DrainAsync(Patience));

        Assert.True(second.Alerts[0].Sequence > lastOfFirstRun);
        StreamContents.AssertExactlyOnceInOrder([.. first.Alerts, .. second.Alerts], await StreamContents.ReadAsync(server.Url, RecordType.Alert), "sensor-1");
        StreamContents.AssertExactlyOnceInOrder([.. first.Events, .. second.Events], await StreamContents.ReadAsync(server.Url, RecordType.Event), "sensor-1");
    }

    [RedisFact]
    public async Task AClosedPublisherLeavesWhatTheBrokerDidNotTakeForTheNextRun()
    {
        using var server = new RedisServer(start: false);
        using var spool = new TempDir();
        var first = Sensor.Start(server.Url, spool.Path);
        first.Publish(0, 500);
        Assert.False(await first.Publisher.DrainAsync(TimeSpan.FromMilliseconds(200)));
        await first.DisposeAsync();

        server.Start();
        await using var second = Sensor.Start(server.Url, spool.Path);
        Assert.True(await second.Publisher.DrainAsync(Patience));
        StreamContents.AssertExactlyOnceInOrder(first.Alerts, await StreamContents.ReadAsync(server.Url, RecordType.Alert), "sensor-1");
        Assert.Equal(500, second.Publisher.Status.Delivered);
    }

    [RedisFact]
    public async Task APasswordInTheUrlIsUsedAndAMissingOneIsReportedAsUnreachable()
    {
        using var server = new RedisServer(password: "s3cret");
        using var spoolA = new TempDir();
        using var spoolB = new TempDir();
        await using var without = Sensor.Start(server.Url, spoolA.Path);
        without.Publish(0, 10);
        await StreamContents.WaitUntil(() => without.Publisher.Status.State == BrokerState.Unreachable, Patience, "the refusal was noticed");
        Assert.Equal(0, without.Publisher.Status.Delivered);

        await using var with = Sensor.Start($"redis://:s3cret@127.0.0.1:{server.Port}", spoolB.Path);
        with.Publish(0, 10);
        Assert.True(await with.Publisher.DrainAsync(Patience));
        Assert.Equal(":5", server.Command("XLEN upnp:alerts"));
        Assert.DoesNotContain("s3cret", string.Join("\n", with.StateChanges.Concat(without.StateChanges).Select(c => c.Message)));
    }
}
