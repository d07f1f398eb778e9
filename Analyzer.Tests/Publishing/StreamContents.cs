using System.Text;
using Analyzer.Publishing;
using StackExchange.Redis;

namespace Analyzer.Tests.Publishing;

/// <summary>What a stream holds, read back with XRANGE, and the checks every fault test makes on it.</summary>
internal static class StreamContents
{
    /// <summary>One entry; <see cref="Capture"/> and <see cref="Index"/> are those of an offline run's record.</summary>
    public sealed record Entry(string Sensor, long Sequence, string Json, string? Capture = null, long Index = 0)
    {
        /// <summary>What identifies the record within its stream: (sensor, capture, index), else (sensor, sequence).</summary>
        public (string, string, long) Identity => Capture is null ? (Sensor, "", Sequence) : (Sensor, Capture, Index);
    }

    public static async Task<List<Entry>> ReadAsync(string url, RecordType type)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(RedisConnector.Options(PublishTarget.Parse(url), TimeSpan.FromSeconds(10)));
        var entries = await connection.GetDatabase().StreamRangeAsync(type.StreamName());
        return [.. entries.Select(e => new Entry(e[StreamEntryFields.Sensor]!, (long)e[StreamEntryFields.Sequence],
            Encoding.UTF8.GetString((byte[])e[StreamEntryFields.Record]!), e[StreamEntryFields.Capture], e[StreamEntryFields.Index].IsNull ? 0 : (long)e[StreamEntryFields.Index]))];
    }

    /// <summary>The first copy of each record identity, in stream order.</summary>
    public static List<Entry> Deduplicated(IEnumerable<Entry> entries)
    {
        var seen = new HashSet<(string, string, long)>();
        return [.. entries.Where(e => seen.Add(e.Identity))];
    }

    /// <summary>
    /// Every expected record (sequence, JSON) is in the stream exactly once after de-duplication, in order, and
    /// nothing else is.
    /// </summary>
    public static void AssertExactlyOnceInOrder(IReadOnlyList<(long Sequence, string Json)> expected, IEnumerable<Entry> stream, string sensor)
    {
        var got = Deduplicated(stream.Where(e => e.Sensor == sensor)).Select(e => (e.Sequence, e.Json)).ToList();
        Assert.Equal(expected.Count, got.Count);
        Assert.Equal(expected, got);
    }

    public static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("timed out waiting until " + what);
            await Task.Delay(10);
        }
    }
}
