using System.Text;
using Analyzer.Publishing;
using Analyzer.Tests.Support;
using StackExchange.Redis;

namespace Analyzer.Tests.Publishing;

/// <summary>The aggregator's side against a real redis-server: consumer groups, claims, de-duplication.</summary>
public class FleetConsumerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static async Task<List<(string Sensor, long Sequence)>> PublishAsync(RedisServer server, string sensorId, int alerts)
    {
        using var spool = new TempDir();
        var options = new PublisherOptions { SensorId = sensorId, SpoolDirectory = spool.Path, BatchRecords = 50 };
        await using var publisher = RecordPublisher.Start(options, new RedisStreamTransport(PublishTarget.Parse(server.Url)));
        var sent = new List<(string, long)>();
        for (int n = 0; n < alerts; n++)
        {
            publisher.Publish(RecordType.Alert, Records.Json(RecordType.Alert, n));
            sent.Add((sensorId, publisher.Status.LastSequence));
        }
        Assert.True(await publisher.DrainAsync(Patience));
        return sent;
    }

    private static RedisStreamSource Source(RedisServer server, string consumer) =>
        new(PublishTarget.Parse(server.Url), "aggregators", consumer, [RecordType.Alert]);

    private static async Task<long> PendingAsync(RedisServer server)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{server.Port}");
        return (await connection.GetDatabase().StreamPendingAsync("upnp:alerts", "aggregators")).PendingMessageCount;
    }

    /// <summary>Reads and acknowledges until a round comes back empty.</summary>
    private static async Task<List<FleetRecord>> ReadAllAsync(FleetConsumer consumer)
    {
        var all = new List<FleetRecord>();
        while (true)
        {
            var batch = await consumer.ReadAsync();
            if (batch.Count == 0) return all;
            all.AddRange(batch);
            await consumer.AcknowledgeAsync(batch);
        }
    }

    [RedisFact]
    public async Task TwoAggregatorsInOneGroupShareTheWorkAndTogetherReceiveEveryRecordOnce()
    {
        using var server = new RedisServer();
        var sent = await PublishAsync(server, "home-a", 600);
        sent.AddRange(await PublishAsync(server, "home-b", 600));
        await using var sourceOne = Source(server, "one");
        await using var sourceTwo = Source(server, "two");
        var one = new FleetConsumer(sourceOne, new FleetConsumerOptions { BatchPerStream = 100 });
        var two = new FleetConsumer(sourceTwo, new FleetConsumerOptions { BatchPerStream = 100 });

        var byOne = new List<FleetRecord>();
        var byTwo = new List<FleetRecord>();
        while (true)
        {
            var a = await one.ReadAsync();
            await one.AcknowledgeAsync(a);
            var b = await two.ReadAsync();
            await two.AcknowledgeAsync(b);
            byOne.AddRange(a);
            byTwo.AddRange(b);
            if (a.Count == 0 && b.Count == 0) break;
        }

        Assert.NotEmpty(byOne);
        Assert.NotEmpty(byTwo);
        Assert.Equal(sent.OrderBy(s => s), byOne.Concat(byTwo).Select(r => (r.SensorId, r.Sequence)).OrderBy(s => s));
        foreach (var mine in new[] { byOne, byTwo })
            foreach (var sensor in mine.GroupBy(r => r.SensorId))
                Assert.Equal(sensor.Select(r => r.Sequence).Order(), sensor.Select(r => r.Sequence));
        Assert.Equal("{\"type\":\"alert\",\"n\":0}", Encoding.UTF8.GetString(byOne.Concat(byTwo).MinBy(r => (r.SensorId, r.Sequence))!.Json));
    }

    [RedisFact]
    public async Task EntriesACrashedAggregatorLeftUnacknowledgedAreClaimedByAnother()
    {
        using var server = new RedisServer();
        var sent = await PublishAsync(server, "home-a", 300);
        await using var crashedSource = Source(server, "crashed");
        var crashed = new FleetConsumer(crashedSource, new FleetConsumerOptions { BatchPerStream = 120 });
        var taken = await crashed.ReadAsync(); // and never acknowledged
        Assert.Equal(120, taken.Count);

        await using var source = Source(server, "survivor");
        var survivor = new FleetConsumer(source, new FleetConsumerOptions { BatchPerStream = 100, ClaimIdle = TimeSpan.FromMilliseconds(50) });
        var received = new List<FleetRecord>();
        var deadline = DateTime.UtcNow + Patience;
        while (received.Count < sent.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until the survivor had every record");
            var batch = await survivor.ReadAsync();
            await survivor.AcknowledgeAsync(batch);
            received.AddRange(batch);
            if (batch.Count == 0) await Task.Delay(10);
        }

        Assert.Equal(sent, received.Select(r => (r.SensorId, r.Sequence)).Order());
        Assert.Equal(120, survivor.Claimed);
        Assert.Equal(0, await PendingAsync(server));
    }

    [RedisFact]
    public async Task AnAggregatorRestartedUnderItsNameGetsItsUnacknowledgedEntriesFirst()
    {
        using var server = new RedisServer();
        var sent = await PublishAsync(server, "home-a", 50);
        await using (var before = Source(server, "agg"))
        {
            Assert.Equal(20, (await new FleetConsumer(before, new FleetConsumerOptions { BatchPerStream = 20 }).ReadAsync()).Count);
        }
        await using var after = Source(server, "agg");
        var consumer = new FleetConsumer(after, new FleetConsumerOptions { BatchPerStream = 20 });
        var first = await consumer.ReadAsync();
        Assert.Equal(sent.Take(20), first.Select(r => (r.SensorId, r.Sequence)));
        await consumer.AcknowledgeAsync(first);
        var rest = await ReadAllAsync(consumer);
        Assert.Equal(sent.Skip(20), rest.Select(r => (r.SensorId, r.Sequence)));
    }

    [RedisFact]
    public async Task DuplicatesAndMalformedEntriesAreAcknowledgedAndLeftOut()
    {
        using var server = new RedisServer();
        await using (var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{server.Port}"))
        {
            var db = connection.GetDatabase();
            async Task Add(string sensor, long seq) => await db.StreamAddAsync("upnp:alerts",
                [new(StreamEntryFields.Sensor, sensor), new(StreamEntryFields.Sequence, seq), new(StreamEntryFields.Record, $"{{\"n\":{seq}}}")]);
            // A batch sent twice after a lost answer: 1 2 3, then 1 2 3 4 5.
            foreach (var seq in new long[] { 1, 2, 3, 1, 2, 3, 4, 5 }) await Add("home-a", seq);
            await db.StreamAddAsync("upnp:alerts", [new("something", "else")]);
            await Add("home-b", 1);
        }
        await using var source = Source(server, "agg");
        var consumer = new FleetConsumer(source);
        var records = await ReadAllAsync(consumer);

        Assert.Equal([("home-a", 1L), ("home-a", 2L), ("home-a", 3L), ("home-a", 4L), ("home-a", 5L), ("home-b", 1L)],
            records.Select(r => (r.SensorId, r.Sequence)));
        Assert.Equal("{\"n\":4}", Encoding.UTF8.GetString(records[3].Json));
        Assert.Equal((6L, 3L, 1L), (consumer.Received, consumer.Duplicates, consumer.Malformed));
        Assert.Equal(0, await PendingAsync(server));
    }

    [RedisFact]
    public async Task AnOfflineRunsRecordsAreDuplicatesByCaptureKeyAndIndexWhateverTheirSequence()
    {
        using var server = new RedisServer();
        await using (var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{server.Port}"))
        {
            var db = connection.GetDatabase();
            async Task Add(long seq, string? capture, long index) => await db.StreamAddAsync("upnp:alerts",
                [
                    new(StreamEntryFields.Sensor, "home-a"), new(StreamEntryFields.Sequence, seq),
                    .. capture is null ? Array.Empty<NameValueEntry>() : [new(StreamEntryFields.Capture, capture), new(StreamEntryFields.Index, index)],
                    new(StreamEntryFields.Record, $"{{\"c\":\"{capture}\",\"i\":{index}}}"),
                ]);
            // A run killed after two records of capture aa, then run again from the start: aa 1 2 come again under
            // new sequences, then aa 3 and capture bb are new. A record without a key is identified by its sequence.
            await Add(10, "aa", 1);
            await Add(11, "aa", 2);
            await Add(12, "aa", 1);
            await Add(13, "aa", 2);
            await Add(14, "aa", 3);
            await Add(15, "bb", 1);
            await Add(16, null, 1);
            await Add(16, null, 1);
            await db.StreamAddAsync("upnp:alerts", [new(StreamEntryFields.Sensor, "home-a"), new(StreamEntryFields.Sequence, 17),
                new(StreamEntryFields.Capture, "aa"), new(StreamEntryFields.Record, "{}")]);
        }
        await using var source = Source(server, "agg");
        var consumer = new FleetConsumer(source);
        var records = await ReadAllAsync(consumer);

        Assert.Equal([(10L, "aa", 1L), (11L, "aa", 2L), (14L, "aa", 3L), (15L, "bb", 1L), (16L, null, 0L)],
            records.Select(r => (r.Sequence, r.Entry.Key?.Capture, r.Entry.Key?.Index ?? 0)));
        Assert.Equal((5L, 3L, 1L), (consumer.Received, consumer.Duplicates, consumer.Malformed));
        Assert.Equal(0, await PendingAsync(server));
    }

    [RedisFact]
    public async Task AnUnreachableBrokerIsReportedAsSuchToTheAggregator()
    {
        using var server = new RedisServer(start: false);
        await using var source = Source(server, "agg");
        var e = await Assert.ThrowsAsync<BrokerUnavailableException>(() => new FleetConsumer(source).ReadAsync());
        Assert.StartsWith($"broker redis://127.0.0.1:{server.Port}/0: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
