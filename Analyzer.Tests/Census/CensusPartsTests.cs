using Analyzer.Census;
using Analyzer.Rules;
using Analyzer.Rules.Banners;

namespace Analyzer.Tests.Census;

public class CensusPartsTests
{
    private static LedgerEntry Row(string action, string outcome = "granted", string method = "igd", string ext = "8080", string client = "192.168.1.20",
        string port = "8080", string lease = "3600", long t = 1) =>
        new(t, method, action, "192.168.1.20", "192.168.1.1", "tcp", ext, client, port, lease, "app", outcome, "", "");

    [Fact]
    public void AMappingDeletedOrExpiredIsNotOpenAtTheEnd()
    {
        var rows = new[]
        {
            Row("add", ext: "1000", t: 1), Row("add", ext: "2000", t: 2), Row("add", ext: "3000", t: 3),
            Row("delete", ext: "1000", t: 4), Row("expire", "expired", ext: "2000", t: 5), Row("add", "refused", ext: "4000", t: 6),
        };

        var open = OpenMappingReplay.Replay(rows, new NetworkContext());

        Assert.Equal(["3000"], open.Select(m => m.ExternalPort));
    }

    [Fact]
    public void NatPmpLifetimeZeroDeletesAndDeleteAllClosesTheClientsMappings()
    {
        var rows = new[]
        {
            Row("add", method: "natpmp", port: "51413", t: 1), Row("add", method: "natpmp", port: "51414", t: 2),
            Row("add", method: "natpmp", port: "51413", lease: "0", t: 3),
            Row("add", method: "pcp", port: "22", client: "192.168.1.30", t: 4), Row("delete-all", method: "pcp", port: "", client: "192.168.1.30", t: 5),
        };

        var open = OpenMappingReplay.Replay(rows, new NetworkContext());

        Assert.Equal(["natpmp 51414"], open.Select(m => $"{m.Method} {m.InternalPort}"));
    }

    [Fact]
    public void SensitivePortsAndOutsideClientsAreFlagged()
    {
        var rows = new[]
        {
            Row("add", ext: "1000", port: "445", t: 1),
            Row("add", ext: "2000", client: "198.51.100.7", port: "40002", t: 2),
            Row("add", ext: "3000", client: "`reboot`", port: "40003", t: 3),
            Row("add", ext: "40000", port: "40000", t: 4),
        };

        var open = OpenMappingReplay.Replay(rows, new NetworkContext());

        Assert.Equal(["1000 sensitive", "2000 outside", "3000 outside", "40000 "],
            open.Select(m => $"{m.ExternalPort} {(m.SensitivePort ? "sensitive" : "")}{(m.OutsideClient ? "outside" : "")}"));
    }

    [Theory]
    [InlineData("miniupnpd", "2.3.10", true)]
    [InlineData("miniupnpd", "2.3.11", false)]
    [InlineData("miniupnpd", "1.8.20141022", true)]
    [InlineData("libupnp", "1.14.30", true)]
    [InlineData("libupnp", "1.14.31", false)]
    [InlineData("libupnp", "1.18.5", false)]
    [InlineData("libupnp", "1.18.4", true)]
    [InlineData("libupnp", "1.6.25", true)]
    [InlineData("libupnp", "1.20.0", false)]
    [InlineData("MiniDLNA", "1.0", false)]
    public void AVersionIsOutdatedAgainstTheCurrentReleaseOfItsSeries(string stack, string version, bool outdated)
    {
        Assert.Equal(outdated, CurrentReleases.IsOutdated(stack, StackVersion.Parse(version)));
    }

    [Fact]
    public void ALongTimelineIsThinnedEvenlyOverItsWholeSpan()
    {
        var t = new HostTimeline("192.168.1.2");
        for (int i = 0; i < 10_000; i++) t.AddMessage(i);

        Assert.Equal(10_000, t.Messages);
        Assert.InRange(t.MessageTimes.Count, HostTimeline.MaxTimes / 2, HostTimeline.MaxTimes);
        Assert.Equal(0, t.MessageTimes[0]);
        Assert.True(t.MessageTimes[^1] > 9_000);
        Assert.Equal(9_999, t.LastUs);
    }

    [Fact]
    public void AClientOnlyHostIsAPcOrPhoneAndANasServingMediaIsANas()
    {
        var client = new InventoryEntry("192.168.1.9", "", "", [], ["Microsoft-Windows/10.0 UPnP/1.0"], "", "", "", [], [], [], [], ["ssdp"], []);
        var nas = new InventoryEntry("192.168.1.10", "MiniDLNA", "1.3.3", ["Linux DLNADOC/1.50 UPnP/1.0 MiniDLNA/1.3.3"], [], "DiskStation",
            "Synology Inc.", "DS220+", ["urn:schemas-upnp-org:device:MediaServer:1"], [], [], [], ["ssdp"], []);

        Assert.Equal(DeviceClass.PcPhone, DeviceClassifier.Classify(client));
        Assert.Equal(StackFamily.WindowsSsdp, StackFamily.Of(client, DeviceClass.PcPhone));
        Assert.Equal(DeviceClass.Nas, DeviceClassifier.Classify(nas));
    }

    [Fact]
    public void ADeviceSeenInSeveralCapturesIsCountedOnce()
    {
        var first = new InventoryEntry("192.168.1.10", "", "", [], [], "", "", "", ["urn:schemas-upnp-org:device:MediaServer:1"], [], [], [], ["ssdp"], []);
        var second = new InventoryEntry("192.168.1.10", "libupnp", "1.6.6", ["Portable SDK for UPnP devices/1.6.6"], [], "NAS-200", "", "", [], [],
            ["CVE-2012-5958"], [], ["description"], []);

        var census = CensusBuilder.Build(new RunRecords([first, second], [], [], [], []), new NetworkContext());

        var device = Assert.Single(census.Devices);
        Assert.Equal(1, census.UpnpDevices);
        Assert.Equal(DeviceClass.Nas, device.Class);
        Assert.Equal("libupnp (Portable SDK)", device.Stack);
        Assert.Equal(["CVE-2012-5958"], device.Cves);
    }
}
