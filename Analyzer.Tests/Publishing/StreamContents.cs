using System.Text;
using Analyzer.Publishing;
using StackExchange.Redis;

namespace Analyzer.Tests.Publishing;

/// <summary>What a stream holds, read back with XRANGE, and the checks every fault test makes on it.</summary>
internal static class StreamContents
{
    public sealed record Entry(string Sensor, long Sequence, string Json);

    public static async Task<List<Entry>> ReadAsync(string url, RecordType type)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(RedisConnector.Options(PublishTarget.Parse(url), TimeSpan.FromSeconds(10)));
        var entries = await connection.GetDatabase().StreamRangeAsync(type.StreamName());
        return [.. entries.Select(e => new Entry(e[StreamEntryFields.Sensor]!, (long)e[StreamEntryFields.Sequence], Encoding.UTF8.GetString((byte[])e[StreamEntryFields.Record]!)))];
    }

    /// <summary>The first copy of each (sensor, sequence), in stream order.</summary>
    public static List<Entry> Deduplicated(IEnumerable<Entry> entries)
    {
        var seen = new HashSet<(string, long)>();
        return [.. entries.Where(e => seen.Add((e.Sensor, e.Sequence)))];
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
