using Analyzer.Publishing;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Publishing;

public class RecordSpoolTests
{
    private const long Cap = PublisherOptions.MinSpoolCapBytes;

    [Fact]
    public void ANewSpoolStartsItsSequenceAtTheClockAndHasNothingPending()
    {
        using var dir = new TempDir();
        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        using var spool = RecordSpool.Open(dir.Path, Cap);
        Assert.InRange(spool.LastSequence, before, before + 60_000_000);
        Assert.Equal(spool.LastSequence, spool.AcknowledgedSequence);
        Assert.Equal(0, spool.PendingRecords);
        Assert.Empty(spool.ReadPending(10));
    }

    [Fact]
    public void RecordsAreReadBackInOrderUntilAcknowledged()
    {
        using var dir = new TempDir();
        using var spool = RecordSpool.Open(dir.Path, Cap);
        long s = spool.LastSequence;
        spool.Append([Records.Spooled(RecordType.Alert, s + 1, 1), Records.Spooled(RecordType.Event, s + 2, 2), Records.Spooled(RecordType.Device, s + 3, 3)]);

        var first = spool.ReadPending(2);
        Assert.Equal([s + 1, s + 2], first.Select(r => r.Sequence));
        Assert.Equal("{\"type\":\"alert\",\"n\":1}", Records.Text(first[0].Json));
        Assert.Equal(RecordType.Event, first[1].Type);
        Assert.Equal([s + 1, s + 2], spool.ReadPending(2).Select(r => r.Sequence)); // not acknowledged: the same again

        spool.Acknowledge(s + 2, 2);
        Assert.Equal([s + 3], spool.ReadPending(10).Select(r => r.Sequence));
        Assert.Equal(1, spool.PendingRecords);
        spool.Acknowledge(s + 3, 1);
        Assert.Empty(spool.ReadPending(10));
        Assert.Equal(0, spool.Bytes);
    }

    [Fact]
    public void AReopenedSpoolResumesAfterTheAcknowledgedRecordAndContinuesTheSequence()
    {
        using var dir = new TempDir();
        long s;
        using (var spool = RecordSpool.Open(dir.Path, Cap))
        {
            s = spool.LastSequence;
            spool.Append([.. Enumerable.Range(1, 10).Select(i => Records.Spooled(RecordType.Alert, s + i, i))]);
            var read = spool.ReadPending(4);
            spool.Acknowledge(read[^1].Sequence, read.Count);
        }
        using (var spool = RecordSpool.Open(dir.Path, Cap))
        {
            Assert.Equal(s + 4, spool.AcknowledgedSequence);
            Assert.Equal(s + 10, spool.LastSequence);
            Assert.Equal(6, spool.PendingRecords);
            Assert.Equal(Enumerable.Range(5, 6).Select(i => s + i), spool.ReadPending(100).Select(r => r.Sequence));
        }
    }

    [Fact]
    public void AFullyAcknowledgedSpoolKeepsItsSequenceAcrossARestart()
    {
        using var dir = new TempDir();
        long s;
        using (var spool = RecordSpool.Open(dir.Path, Cap))
        {
            s = spool.LastSequence;
            spool.Append([Records.Spooled(RecordType.Alert, s + 1, 1)]);
            spool.Acknowledge(spool.ReadPending(1)[0].Sequence, 1);
        }
        Assert.Empty(Directory.GetFiles(dir.Path, "*.seg"));
        using var reopened = RecordSpool.Open(dir.Path, Cap);
        Assert.Equal(s + 1, reopened.LastSequence);
    }

    [Fact]
    public void ARecordCutShortByACrashIsCutOffAndTheWholeOnesBeforeItKept()
    {
        using var dir = new TempDir();
        long s;
        using (var spool = RecordSpool.Open(dir.Path, Cap))
        {
            s = spool.LastSequence;
            spool.Append([Records.Spooled(RecordType.Alert, s + 1, 1), Records.Spooled(RecordType.Alert, s + 2, 2)]);
        }
        var segment = Assert.Single(Directory.GetFiles(dir.Path, "*.seg"));
        using (var f = new FileStream(segment, FileMode.Open)) f.SetLength(f.Length - 3);

        using var reopened = RecordSpool.Open(dir.Path, Cap);
        Assert.Equal(1, reopened.DamagedSegments);
        Assert.Equal([s + 1], reopened.ReadPending(10).Select(r => r.Sequence));
    }

    [Fact]
    public void ACorruptedByteEndsTheSegmentAtTheRecordBeforeIt()
    {
        using var dir = new TempDir();
        long s;
        using (var spool = RecordSpool.Open(dir.Path, Cap))
        {
            s = spool.LastSequence;
            spool.Append([Records.Spooled(RecordType.Alert, s + 1, 1), Records.Spooled(RecordType.Alert, s + 2, 2), Records.Spooled(RecordType.Alert, s + 3, 3)]);
        }
        var segment = Assert.Single(Directory.GetFiles(dir.Path, "*.seg"));
        var bytes = File.ReadAllBytes(segment);
        int second = SpoolFrame.SizeOf(Records.Json(RecordType.Alert, 1).Length);
        bytes[second + SpoolFrame.HeaderLength + 2] ^= 0xFF; // inside the second record's JSON
        File.WriteAllBytes(segment, bytes);

        using var reopened = RecordSpool.Open(dir.Path, Cap);
        Assert.Equal([s + 1], reopened.ReadPending(10).Select(r => r.Sequence));
    }

    [Fact]
    public void WhenFullTheOldestEventsAndFlowsAreDroppedAndCountedNeverAlerts()
    {
        using var dir = new TempDir();
        using var spool = RecordSpool.Open(dir.Path, Cap);
        long s = spool.LastSequence;
        int frame = SpoolFrame.SizeOf(Records.Json(RecordType.Event, 1000).Length);
        int n = (int)(Cap / frame) * 3; // three times what fits
        var records = new List<SpooledRecord>();
        for (int i = 1; i <= n; i++)
        {
            var type = i % 10 == 0 ? RecordType.Alert : i % 10 == 5 ? RecordType.Flow : RecordType.Event;
            records.Add(Records.Spooled(type, s + i, 1000 + i % 9000));
        }
        spool.Append(records);

        Assert.True(spool.Bytes <= Cap);
        var pending = spool.ReadPending(PublisherOptions.MaxBatchRecords);
        Assert.Equal(spool.PendingRecords, pending.Count);
        Assert.Equal(records.Count, pending.Count + spool.Dropped(RecordType.Event) + spool.Dropped(RecordType.Flow));
        var alerts = records.Where(r => r.Type == RecordType.Alert).Select(r => r.Sequence).ToList();
        Assert.Equal(alerts, pending.Where(r => r.Type == RecordType.Alert).Select(r => r.Sequence));
        Assert.Equal(0, spool.Lost(RecordType.Alert));
        long droppedEvents = spool.Dropped(RecordType.Event), droppedFlows = spool.Dropped(RecordType.Flow);
        Assert.True(droppedEvents > 0);
        Assert.True(droppedFlows > 0);
        Assert.Equal(records.Count(r => r.Type == RecordType.Event) - droppedEvents, pending.Count(r => r.Type == RecordType.Event));
        Assert.Equal(records.Count(r => r.Type == RecordType.Flow) - droppedFlows, pending.Count(r => r.Type == RecordType.Flow));
        // What stays is the newest: every kept event is newer than every dropped one.
        var keptEvents = pending.Where(r => r.Type == RecordType.Event).Select(r => r.Sequence).ToHashSet();
        long oldestKept = keptEvents.Min();
        Assert.All(records.Where(r => r.Type == RecordType.Event && r.Sequence > oldestKept), r => Assert.Contains(r.Sequence, keptEvents));
        Assert.True(pending.Zip(pending.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
    }

    [Fact]
    public void ASpoolFullOfAlertsRefusesNewOnesAndCountsThemAsLost()
    {
        using var dir = new TempDir();
        using var spool = RecordSpool.Open(dir.Path, Cap);
        long s = spool.LastSequence;
        int frame = SpoolFrame.SizeOf(Records.Json(RecordType.Alert, 1000).Length);
        int fits = (int)(Cap / frame);
        var records = Enumerable.Range(1, fits + 5).Select(i => Records.Spooled(RecordType.Alert, s + i, 1000 + i)).ToList();
        Assert.Equal(fits, spool.Append(records));
        Assert.Equal(5, spool.Lost(RecordType.Alert));
        Assert.Equal(0, spool.Dropped(RecordType.Event));
        Assert.Equal(s + fits + 5, spool.LastSequence);
    }

    [Fact]
    public void AcknowledgedRecordsMakeRoomBeforeAnyEventIsDropped()
    {
        using var dir = new TempDir();
        using var spool = RecordSpool.Open(dir.Path, Cap);
        long s = spool.LastSequence;
        int frame = SpoolFrame.SizeOf(Records.Json(RecordType.Event, 1000).Length);
        int fits = (int)(Cap / frame);
        spool.Append([.. Enumerable.Range(1, fits).Select(i => Records.Spooled(RecordType.Event, s + i, 1000 + i))]);
        var read = spool.ReadPending(fits);
        spool.Acknowledge(read[^1].Sequence, read.Count);
        spool.Append([.. Enumerable.Range(fits + 1, fits).Select(i => Records.Spooled(RecordType.Event, s + i, 1000 + i))]);
        Assert.Equal(0, spool.Dropped(RecordType.Event));
        Assert.Equal(fits, spool.PendingRecords);
    }

    [Fact]
    public void ASecondOpenOfTheSameDirectoryIsRefusedWithOneLine()
    {
        using var dir = new TempDir();
        using var spool = RecordSpool.Open(dir.Path, Cap);
        var e = Assert.Throws<IOException>(() => RecordSpool.Open(dir.Path, Cap));
        Assert.StartsWith($"spool directory {dir.Path} is in use by another publisher or not writable", e.Message);
    }

    [Fact]
    public void KeyedRecordsKeepTheirCaptureKeyAndIndexThroughTheSpoolAndAReopenBesideUnkeyedOnes()
    {
        using var dir = new TempDir();
        const string capture = "0123456789abcdef0123456789abcdef";
        long s;
        using (var spool = RecordSpool.Open(dir.Path, Cap))
        {
            s = spool.LastSequence;
            SpooledRecord[] records =
            [
                Records.Spooled(RecordType.Alert, s + 1, 1) with { Key = new RecordKey(capture, 1) },
                Records.Spooled(RecordType.Alert, s + 2, 2),
                Records.Spooled(RecordType.Device, s + 3, 3) with { Key = new RecordKey(capture, 7) },
            ];
            spool.Append(records);
            Assert.Equal(records.Sum(r => SpoolFrame.SizeOf(r.Json.Length)) + 2 * (SpoolFrame.KeyOverhead + capture.Length), spool.Bytes);
        }
        using var reopened = RecordSpool.Open(dir.Path, Cap);
        Assert.Equal(0, reopened.DamagedSegments);
        var read = reopened.ReadPending(10);
        Assert.Equal([(s + 1, new RecordKey(capture, 1)), (s + 2, (RecordKey?)null), (s + 3, new RecordKey(capture, 7))],
            read.Select(r => (r.Sequence, r.Key)));
        Assert.Equal(["{\"type\":\"alert\",\"n\":1}", "{\"type\":\"alert\",\"n\":2}", "{\"type\":\"device\",\"n\":3}"], read.Select(r => Records.Text(r.Json)));
    }

    [Fact]
    public void ACorruptedCaptureKeyEndsTheSegmentAtTheRecordBeforeIt()
    {
        using var dir = new TempDir();
        long s;
        using (var spool = RecordSpool.Open(dir.Path, Cap))
        {
            s = spool.LastSequence;
            spool.Append([Records.Spooled(RecordType.Alert, s + 1, 1) with { Key = new RecordKey("aaaa", 1) },
                Records.Spooled(RecordType.Alert, s + 2, 2) with { Key = new RecordKey("aaaa", 2) }]);
        }
        var segment = Assert.Single(Directory.GetFiles(dir.Path, "*.seg"));
        var bytes = File.ReadAllBytes(segment);
        int second = SpoolFrame.SizeOf(Records.Json(RecordType.Alert, 1).Length) + SpoolFrame.KeyOverhead + 4;
        bytes[second + SpoolFrame.HeaderLength + 1] = (byte)'b'; // the second record's capture key
        File.WriteAllBytes(segment, bytes);

        using var reopened = RecordSpool.Open(dir.Path, Cap);
        Assert.Equal(1, reopened.DamagedSegments);
        Assert.Equal([s + 1], reopened.ReadPending(10).Select(r => r.Sequence));
    }
}
