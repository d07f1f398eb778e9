using Analyzer.Decoding;
using Analyzer.Flows;

namespace Analyzer.Tests.Flows;

public class FlowTableTests
{
    private sealed class Collect : IFlowSink
    {
        public List<FlowRecord> Ended { get; } = [];
        public void OnFlowEnd(FlowRecord flow) => Ended.Add(flow.Copy());
    }

    private static PacketInfo Packet(string src, ushort sp, string dst, ushort dp, long t, Transport transport = Transport.Udp, TcpFlags flags = TcpFlags.None) => new()
    {
        Src = NetAddress.Parse(src), SrcPort = sp, Dst = NetAddress.Parse(dst), DstPort = dp, TimestampUs = t, Transport = transport, TcpFlags = flags,
    };

    [Fact]
    public void BothDirectionsCountOnOneFlowWithTheFirstSenderAsOriginator()
    {
        var sink = new Collect();
        var table = new FlowTable(sink);

        table.Track(Packet("192.168.1.5", 5350, "192.168.1.1", 5351, 10), 54);
        table.Track(Packet("192.168.1.1", 5351, "192.168.1.5", 5350, 20), 58);
        table.Track(Packet("192.168.1.5", 5350, "192.168.1.1", 5351, 30), 54);
        table.EndAll();

        var flow = Assert.Single(sink.Ended);
        Assert.Equal(NetAddress.Parse("192.168.1.5"), flow.OrigIp);
        Assert.Equal((2L, 108L, 1L, 58L), (flow.OrigPackets, flow.OrigBytes, flow.RespPackets, flow.RespBytes));
        Assert.Equal((10L, 30L), (flow.FirstUs, flow.LastUs));
        Assert.Equal("end_of_capture", flow.EndReason);
    }

    [Fact]
    public void ASynAckSeenFirstKeepsTheClientAsOriginator()
    {
        var sink = new Collect();
        var table = new FlowTable(sink);

        table.Track(Packet("192.168.1.1", 5000, "192.168.1.5", 40000, 10, Transport.Tcp, TcpFlags.Syn | TcpFlags.Ack), 60);
        table.EndAll();

        Assert.Equal(NetAddress.Parse("192.168.1.5"), sink.Ended[0].OrigIp);
        Assert.Equal(5000, sink.Ended[0].RespPort);
    }

    [Fact]
    public void IdleFlowsExpireByTheirOwnTimeout()
    {
        var sink = new Collect();
        var limits = new FlowTableLimits();
        var table = new FlowTable(sink, limits);

        table.Track(Packet("192.168.1.5", 1, "192.168.1.1", 2, 0, Transport.Tcp), 60);
        table.Track(Packet("192.168.1.5", 3, "192.168.1.1", 4, 0), 60);
        table.Expire(limits.UdpIdleTimeoutUs);

        Assert.Equal(Transport.Udp, Assert.Single(sink.Ended).Transport);
        Assert.Equal("idle", sink.Ended[0].EndReason);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void ClosedTcpFlowsEndSoonAfterBothFins()
    {
        var sink = new Collect();
        var limits = new FlowTableLimits();
        var table = new FlowTable(sink, limits);

        table.Track(Packet("192.168.1.5", 1, "192.168.1.1", 2, 0, Transport.Tcp, TcpFlags.Fin | TcpFlags.Ack), 60);
        table.Track(Packet("192.168.1.1", 2, "192.168.1.5", 1, 1, Transport.Tcp, TcpFlags.Fin | TcpFlags.Ack), 60);
        table.Expire(1 + limits.ClosedTimeoutUs);

        Assert.Equal("closed", Assert.Single(sink.Ended).EndReason);
    }

    [Fact]
    public void TheTableNeverHoldsMoreThanItsCapAndEvictsTheLeastRecent()
    {
        var sink = new Collect();
        var table = new FlowTable(sink, new FlowTableLimits { MaxFlows = 100 });

        for (int i = 0; i < 1000; i++)
            table.Track(Packet("10.0.0.1", (ushort)(1000 + i), "10.0.0.2", 80, i), 60);

        Assert.Equal(100, table.Count);
        Assert.Equal(900, table.Evicted);
        Assert.Equal(1000, sink.Ended[0].OrigPort);
        Assert.All(sink.Ended, f => Assert.Equal("evicted", f.EndReason));
    }
}
