using System.Text;
using Analyzer.Decoding.Link;
using Analyzer.Inventory;
using Analyzer.Pipeline;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Robustness;

/// <summary>
/// A million SSDP NOTIFYs, each with a USN never seen before, from 20,000 LAN addresses: the device inventory keeps
/// at most <see cref="DeviceInventory.MaxDevices"/> devices and <see cref="DeviceRecord.MaxValues"/> UDNs per device,
/// and counts what it turned away.
/// </summary>
[Collection(ResourceAttackCollection.Name)]
public class InventoryResourceAttackTests
{
    private const int Messages = 1_000_000;
    private const int Sources = 20_000;
    private const long MemoryBudgetBytes = 96L * 1024 * 1024;

    private static readonly byte[] Notify = Encoding.ASCII.GetBytes(
        "NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\n" +
        "LOCATION: http://10.0.0.1:5000/rootDesc.xml\r\nNT: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n" +
        "NTS: ssdp:alive\r\nSERVER: Linux/3.14 UPnP/1.0 MiniUPnPd/2.1\r\n" +
        "USN: uuid:00000000-0000-4000-8000-000000000000::urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n\r\n");

    /// <summary>Feeds <paramref name="messages"/> NOTIFYs, each with a new USN, from <see cref="Sources"/> addresses in turn.</summary>
    private static long FeedDistinctUsns(AnalyzerPipeline pipeline, int messages)
    {
        var frame = Frames.Ethernet(0x0800, Frames.Ipv4("10.0.0.1", "239.255.255.250", 17, Frames.Udp(1900, 1900, Notify)));
        int usnAt = 14 + 20 + 8 + Notify.AsSpan().IndexOf("uuid:"u8) + 5;
        long before = ManagedMemory.Live();
        for (int i = 0; i < messages; i++)
        {
            int source = i % Sources;
            frame[14 + 13] = (byte)(source >> 16); frame[14 + 14] = (byte)(source >> 8); frame[14 + 15] = (byte)(source + 1);
            for (int d = 0; d < 8; d++) frame[usnAt + d] = (byte)"0123456789abcdef"[(i >> (28 - 4 * d)) & 0xF];
            pipeline.OnFrame(LinkType.Ethernet, 1_700_000_000_000_000 + i * 10L, frame, frame.Length);
        }
        return ManagedMemory.Live() - before;
    }

    [Fact]
    public void AMillionSsdpMessagesWithDistinctUsnsStayWithinTheInventoryCaps()
    {
        using var dir = new TempDir();
        // Rules off: this test is about the inventory, and the rules' own state has the next test.
        var settings = new PipelineSettings { AlertsPath = dir.File("alerts.csv"), DevicesPath = dir.File("devices.csv"), RulesEnabled = false };
        var inventory = new DeviceInventory(settings.Network);
        using (var pipeline = new AnalyzerPipeline(settings))
        {
            pipeline.AddObserver(inventory);
            long growth = FeedDistinctUsns(pipeline, Messages);
            Assert.True(growth < MemoryBudgetBytes, $"managed memory grew by {growth / 1048576} MB");
            pipeline.Finish();
            Assert.Equal(Messages, pipeline.Statistics.MessagesByProtocol["ssdp"]);
            Assert.False(pipeline.Statistics.AnomaliesById.ContainsKey("decode.exception"));
        }

        Assert.Equal(DeviceInventory.MaxDevices, inventory.Count);
        // Every message from a source beyond the cap is turned away and counted (once per lookup).
        Assert.True(inventory.Dropped >= (long)(Sources - DeviceInventory.MaxDevices) * (Messages / Sources), $"{inventory.Dropped} turned away");
        Assert.All(inventory.Devices, d => Assert.Equal(DeviceRecord.MaxValues, d.Udns.Count));
        var rows = File.ReadAllLines(settings.DevicesPath!);
        Assert.Equal(DeviceInventory.MaxDevices + 1, rows.Length);
    }

    [Fact]
    public void SsdpMessagesWithDistinctUsnsKeepTheRuleStateBounded()
    {
        using var dir = new TempDir();
        using var pipeline = new AnalyzerPipeline(new PipelineSettings { AlertsPath = dir.File("alerts.csv") });

        // Fewer messages than above: the rules cost most of the time per message.
        long growth = FeedDistinctUsns(pipeline, Messages / 5);
        pipeline.Finish();

        Assert.True(growth < MemoryBudgetBytes, $"managed memory grew by {growth / 1048576} MB");
        Assert.Equal(Messages / 5, pipeline.Statistics.MessagesByProtocol["ssdp"]);
        Assert.False(pipeline.Statistics.AnomaliesById.ContainsKey("decode.exception"));
    }
}
