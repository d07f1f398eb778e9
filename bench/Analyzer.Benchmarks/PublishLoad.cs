using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analyzer.Publishing;

namespace Analyzer.Benchmarks;

/// <summary>
/// `publish SENSORS RECORDS [URL]`: SENSORS simulated sensors (one thread and one publisher with its own spool each)
/// hand over RECORDS records each at once; one aggregator reads them back through a consumer group. Without URL a
/// redis-server of its own is started on a loopback port. Prints records/s into the broker, the aggregator's lag
/// (publish to receipt) and memory.
/// </summary>
internal static class PublishLoad
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>The mix of a dense UPnP capture's output: mostly events and flows, some alerts, few devices and mappings.</summary>
    private static RecordType TypeOf(int n) => (n % 20) switch
    {
        0 or 1 => RecordType.Alert,
        2 or 3 or 4 => RecordType.Flow,
        5 => RecordType.Mapping,
        6 => RecordType.Device,
        _ => RecordType.Event,
    };

    public static int Run(string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[0], out int sensors) || !int.TryParse(args[1], out int records) || sensors < 1 || records < 1)
        {
            Console.Error.WriteLine("usage: publish SENSORS RECORDS [redis://HOST:PORT]");
            return 2;
        }
        using var local = args.Length > 2 ? null : new LocalRedis();
        var url = args.Length > 2 ? args[2] : local!.Url;
        var target = PublishTarget.Parse(url);
        var root = Directory.CreateTempSubdirectory("publish-bench-spool-").FullName;
        try
        {
            return RunAsync(target, sensors, records, root, local).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<int> RunAsync(PublishTarget target, int sensors, int records, string root, LocalRedis? local)
    {
        long total = (long)sensors * records;
        var publishers = Enumerable.Range(0, sensors).Select(i => RecordPublisher.Start(
            new PublisherOptions { SensorId = $"sensor-{i:D4}", SpoolDirectory = Path.Combine(root, i.ToString(CultureInfo.InvariantCulture)) },
            new RedisStreamTransport(target))).ToArray();

        await using var source = new RedisStreamSource(target, "bench", "aggregator-1");
        var consumer = new FleetConsumer(source, new FleetConsumerOptions { BatchPerStream = 1000 });
        var lags = new List<double>((int)Math.Min(total, 50_000_000));
        long peakManaged = 0, peakRss = 0, maxBacklog = 0;
        var clock = Stopwatch.StartNew();

        var aggregator = Task.Run(async () =>
        {
            while (consumer.Received < total)
            {
                var batch = await consumer.ReadAsync();
                long now = Stopwatch.GetTimestamp();
                foreach (var record in batch) lags.Add(Stopwatch.GetElapsedTime(PublishedAt(record.Json), now).TotalMilliseconds);
                await consumer.AcknowledgeAsync(batch);
                if (batch.Count == 0) await Task.Delay(5);
            }
        });

        var threads = publishers.Select((publisher, i) => new Thread(() =>
        {
            var prefix = $",\"sensor\":\"sensor-{i:D4}\",\"rule\":\"igd.add_port_mapping_external\",\"category\":\"exposure\",\"src_ip\":\"192.168.1.{i % 250 + 2}\",\"dst_ip\":\"192.168.1.1\",\"dst_port\":5000,\"summary\":\"AddPortMapping of TCP 8080 to 192.168.1.23:80 from a device not in the allowlist\",\"n\":";
            var buffer = new byte[512];
            for (int n = 0; n < records; n++)
            {
                int length = Format(buffer, prefix, n);
                publisher.Publish(TypeOf(n), buffer.AsSpan(0, length));
            }
        })).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        var handedOver = clock.Elapsed;

        while (publishers.Any(p => p.Status.Pending > 0))
        {
            Sample();
            if (clock.Elapsed > Patience) throw new TimeoutException("the broker did not take every record");
            await Task.Delay(20);
        }
        var delivered = clock.Elapsed;
        while (!aggregator.IsCompleted)
        {
            Sample();
            await Task.WhenAny(aggregator, Task.Delay(20));
            if (clock.Elapsed > Patience) throw new TimeoutException("the aggregator did not receive every record");
        }
        await aggregator;
        var consumed = clock.Elapsed;
        Sample();
        var statuses = publishers.Select(p => p.Status).ToArray();
        foreach (var p in publishers) await p.DisposeAsync();

        lags.Sort();
        double Percentile(double q) => lags[(int)Math.Min(lags.Count - 1, q * lags.Count)];
        string brokerMemory = local is null ? "n/a" : Field(local.Command("INFO memory"), "used_memory_human");
        string brokerRss = local is null ? "n/a" : $"{local.ProcessRssBytes() / 1048576.0:0} MB";
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"sensors={sensors} records_per_sensor={records} total={total} json_bytes~{Format(new byte[512], $",\"sensor\":\"sensor-0000\",\"rule\":\"igd.add_port_mapping_external\",\"category\":\"exposure\",\"src_ip\":\"192.168.1.2\",\"dst_ip\":\"192.168.1.1\",\"dst_port\":5000,\"summary\":\"AddPortMapping of TCP 8080 to 192.168.1.23:80 from a device not in the allowlist\",\"n\":", 0)}"));
        Console.WriteLine(string.Create(inv, $"handed_over_s={handedOver.TotalSeconds:0.00} handover_rate={total / handedOver.TotalSeconds:0}/s"));
        Console.WriteLine(string.Create(inv, $"delivered_s={delivered.TotalSeconds:0.00} into_broker_rate={total / delivered.TotalSeconds:0}/s delivered={statuses.Sum(s => s.Delivered)} dropped={statuses.Sum(s => s.DroppedEvents + s.DroppedFlows)} lost={statuses.Sum(s => s.Lost)}"));
        Console.WriteLine(string.Create(inv, $"consumed_s={consumed.TotalSeconds:0.00} consume_rate={consumer.Received / consumed.TotalSeconds:0}/s received={consumer.Received} duplicates={consumer.Duplicates} max_backlog={maxBacklog}"));
        Console.WriteLine(string.Create(inv, $"lag_ms p50={Percentile(0.5):0} p99={Percentile(0.99):0} max={lags[^1]:0} drain_after_delivery_s={(consumed - delivered).TotalSeconds:0.00}"));
        using var self = Process.GetCurrentProcess();
        double cpu = self.TotalProcessorTime.TotalSeconds;
        double brokerCpu = local is null ? double.NaN
            : double.Parse(Field(local.Command("INFO cpu"), "used_cpu_user"), inv) + double.Parse(Field(local.Command("INFO cpu"), "used_cpu_sys"), inv);
        Console.WriteLine(string.Create(inv, $"cpu_s sensors_and_aggregator={cpu:0.00} broker={brokerCpu:0.00} records_per_cpu_s={total / (cpu + (double.IsNaN(brokerCpu) ? 0 : brokerCpu)):0}"));
        Console.WriteLine(string.Create(inv, $"memory peak_rss={peakRss / 1048576.0:0} MB peak_managed={peakManaged / 1048576.0:0} MB broker_used={brokerMemory} broker_rss={brokerRss}"));
        return consumer.Received == total && consumer.Duplicates == 0 ? 0 : 1;

        void Sample()
        {
            peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
            using var self = Process.GetCurrentProcess();
            peakRss = Math.Max(peakRss, self.WorkingSet64);
            maxBacklog = Math.Max(maxBacklog, DeliveredSoFar() - consumer.Received);
        }

        long DeliveredSoFar() => publishers.Sum(p => p.Status.Delivered);
    }

    /// <summary><c>{"t":TIMESTAMP</c> + the fixed part + the record number + <c>}</c>.</summary>
    private static int Format(byte[] buffer, string prefix, int n)
    {
        "{\"t\":"u8.CopyTo(buffer);
        int at = 5;
        Utf8Formatter.TryFormat(Stopwatch.GetTimestamp(), buffer.AsSpan(at), out int written);
        at += written;
        at += Encoding.UTF8.GetBytes(prefix, buffer.AsSpan(at));
        Utf8Formatter.TryFormat(n, buffer.AsSpan(at), out written);
        at += written;
        buffer[at++] = (byte)'}';
        return at;
    }

    private static long PublishedAt(byte[] json)
    {
        Utf8Parser.TryParse(json.AsSpan(5), out long timestamp, out _);
        return timestamp;
    }

    private static string Field(string info, string name) =>
        info.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal))?[(name.Length + 1)..] ?? "?";
}
