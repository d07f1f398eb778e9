using System.Net;
using System.Net.Sockets;
using Analyzer.Publishing;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Publishing;

/// <summary>What the publisher decides before any broker is involved (its transport points at a closed port).</summary>
public class RecordPublisherTests
{
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static RecordPublisher Start(string spool) => RecordPublisher.Start(
        new PublisherOptions { SensorId = "s", SpoolDirectory = spool, InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(50) },
        new RedisStreamTransport(PublishTarget.Parse($"redis://127.0.0.1:{ClosedPort()}"), commandTimeout: TimeSpan.FromSeconds(1)));

    [Fact]
    public async Task RecordsAreNumberedConsecutivelyInTheOrderOfTheCalls()
    {
        using var dir = new TempDir();
        await using var publisher = Start(dir.Path);
        long before = publisher.Status.LastSequence;
        Assert.True(publisher.Publish(RecordType.Alert, Records.Json(RecordType.Alert, 1)));
        Assert.True(publisher.Publish(RecordType.Event, Records.Json(RecordType.Event, 2)));
        var status = publisher.Status;
        Assert.Equal((before + 2, 2L, 2L, 0L), (status.LastSequence, status.Accepted, status.Pending, status.Delivered));
    }

    [Fact]
    public async Task ARecordOverTheSizeCapIsRefusedAndCountedAsLost()
    {
        using var dir = new TempDir();
        await using var publisher = Start(dir.Path);
        var big = new byte[PublisherOptions.MaxRecordBytes + 1];
        big.AsSpan().Fill((byte)' ');
        big[0] = (byte)'{';
        big[^1] = (byte)'}';
        Assert.False(publisher.Publish(RecordType.Alert, big));
        Assert.Equal((1L, 0L), (publisher.Status.Lost, publisher.Status.Accepted));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    public async Task AnythingButAJsonObjectIsAProgrammingError(string json)
    {
        using var dir = new TempDir();
        await using var publisher = Start(dir.Path);
        Assert.Throws<ArgumentException>(() => publisher.Publish(RecordType.Alert, System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public async Task RecordsHandedOverBeforeCloseAreInTheSpoolForTheNextRun()
    {
        using var dir = new TempDir();
        long last;
        await using (var publisher = Start(dir.Path))
        {
            for (int n = 0; n < 100; n++) publisher.Publish(RecordType.Alert, Records.Json(RecordType.Alert, n));
            last = publisher.Status.LastSequence;
        }
        using var spool = RecordSpool.Open(dir.Path, PublisherOptions.DefaultSpoolCapBytes);
        Assert.Equal(100, spool.PendingRecords);
        Assert.Equal(last, spool.LastSequence);
    }

    [Fact]
    public async Task PublishingAfterCloseIsRefused()
    {
        using var dir = new TempDir();
        var publisher = Start(dir.Path);
        await publisher.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => publisher.Publish(RecordType.Alert, Records.Json(RecordType.Alert, 1)));
    }

    [Theory]
    [InlineData("", 1L << 20, 512, "sensor id is empty")]
    [InlineData("s\n", 1L << 20, 512, "sensor id contains control characters")]
    [InlineData("s", 1000, 512, "spool cap must be at least 65536 bytes")]
    [InlineData("s", 1L << 20, 0, "batch size must be from 1 to 10000")]
    public void BadOptionsAreRefusedWithOneLine(string sensor, long cap, int batch, string message)
    {
        var options = new PublisherOptions { SensorId = sensor, SpoolDirectory = "/tmp/x", SpoolCapBytes = cap, BatchRecords = batch };
        Assert.Equal(message, Assert.Throws<ArgumentException>(options.Validate).Message);
    }

    [Fact]
    public void BackoffDoublesUpToItsCapAndStartsOverAfterASuccess()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));
        Assert.Equal([100, 200, 400, 500, 500], Enumerable.Range(0, 5).Select(_ => backoff.Next().TotalMilliseconds));
        backoff.Reset();
        Assert.Equal(100, backoff.Next().TotalMilliseconds);
    }

    [Fact]
    public void TheStatusLineSaysWhetherTheBrokerIsUpAndWhatWaits()
    {
        var status = new PublisherStatus { State = BrokerState.Unreachable, Delivered = 1234, Pending = 56, DroppedEvents = 7, DroppedFlows = 1, Lost = 2 };
        Assert.Equal("broker DOWN, 1,234 sent, 56 spooled, 8 events/flows dropped, 2 LOST", status.Summary());
        Assert.Equal("broker up, 0 sent, 0 spooled", new PublisherStatus { State = BrokerState.Reachable }.Summary());
    }
}
