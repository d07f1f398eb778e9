using System.Text;
using Analyzer.Decoding;
using Analyzer.Generation;
using Analyzer.Generation.Packets;
using PacketDotNet;
using Analyzer.Generation.Randomness;

namespace Analyzer.Tests.Generation;

public class TcpSessionTests
{
    private static readonly byte[] Request = Encoding.ASCII.GetBytes(
        "POST /ctl/IPConn HTTP/1.1\r\nHost: 192.168.1.1:5000\r\nContent-Length: 3000\r\n\r\n" + new string('x', 3000));
    private static readonly byte[] Response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

    public static TheoryData<TcpIrregularities, int> IrregularitiesAndSeeds()
    {
        var data = new TheoryData<TcpIrregularities, int>();
        foreach (var kind in new[] { TcpIrregularities.None, TcpIrregularities.Split, TcpIrregularities.Reorder,
                     TcpIrregularities.Retransmit, TcpIrregularities.Overlap, TcpIrregularities.All })
            for (int seed = 1; seed <= 4; seed++)
                data.Add(kind, seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(IrregularitiesAndSeeds))]
    public void ReassemblingBySequenceNumberGivesBackExactlyTheBytesSent(TcpIrregularities irregularities, int seed)
    {
        var frames = RunSession(irregularities, seed, out uint clientIsn, out uint serverIsn);

        Assert.Equal(Request, Reassemble(frames, TestHosts.Pc, clientIsn + 1, Request.Length));
        Assert.Equal(Response, Reassemble(frames, TestHosts.Router, serverIsn + 1, Response.Length));
        Assert.All(frames, f => Assert.True(f.TransportChecksumValid()));
        Assert.All(frames, f => Assert.InRange(f.Payload.Length, 0, TcpSession.DefaultMss));
    }

    [Fact]
    public void HandshakeAndTeardownFollowTheStateMachine()
    {
        var frames = RunSession(TcpIrregularities.None, 1, out uint c, out uint s);
        var flags = frames.Select(f => (TcpFlags)f.TcpFlags).ToList();

        Assert.Equal(TcpFlags.Syn, flags[0]);
        Assert.Equal(TcpFlags.Syn | TcpFlags.Ack, flags[1]);
        Assert.Equal(c + 1, frames[1].TcpAck);
        Assert.Equal(TcpFlags.Ack, flags[2]);
        Assert.Equal(s + 1, frames[2].TcpAck);
        // The server closes first (HTTP "Connection: close"), the client answers with its own FIN, then the last ACK.
        Assert.Equal([TcpFlags.Fin | TcpFlags.Ack, TcpFlags.Fin | TcpFlags.Ack, TcpFlags.Ack], flags[^3..]);
        Assert.Equal(s + 1 + (uint)Response.Length, frames[^3].TcpSeq);
        Assert.Equal(c + 1 + (uint)Request.Length, frames[^2].TcpSeq);
        Assert.Equal(s + 2 + (uint)Response.Length, frames[^2].TcpAck);
        Assert.Equal(c + 2 + (uint)Request.Length, frames[^1].TcpAck);
    }

    [Fact]
    public void WithoutIrregularitiesSegmentsAreCutOnlyAtTheMss()
    {
        var frames = RunSession(TcpIrregularities.None, 3, out _, out _);
        var sizes = frames.Where(f => f.SourcePort == 50000 && f.Payload.Length > 0).Select(f => f.Payload.Length).ToList();

        Assert.Equal([1460, 1460, Request.Length - 2920], sizes);
    }

    [Fact]
    public void SplittingCutsSegmentsAtOffsetsOtherThanTheMss()
    {
        bool sawOddCut = false;
        for (int seed = 1; seed <= 10 && !sawOddCut; seed++)
        {
            var frames = RunSession(TcpIrregularities.Split, seed, out _, out _);
            sawOddCut = frames.Any(f => f.SourcePort == 50000 && f.Payload.Length is > 0 and < 1460 && f.Payload.Length != Request.Length - 2920);
        }
        Assert.True(sawOddCut);
    }

    [Fact]
    public void OutOfOrderAndOverlappingSegmentsAppearWhenAsked()
    {
        bool sawReorder = false, sawOverlap = false;
        for (int seed = 1; seed <= 10; seed++)
        {
            var data = RunSession(TcpIrregularities.Reorder | TcpIrregularities.Overlap, seed, out _, out _)
                .Where(f => f.SourcePort == 50000 && f.Payload.Length > 0).ToList();
            for (int i = 1; i < data.Count; i++)
            {
                uint previousEnd = data[i - 1].TcpSeq + (uint)data[i - 1].Payload.Length;
                if (data[i].TcpSeq < data[i - 1].TcpSeq) sawReorder = true;
                else if (data[i].TcpSeq < previousEnd) sawOverlap = true;
            }
        }
        Assert.True(sawReorder);
        Assert.True(sawOverlap);
    }

    private static List<WireFrame> RunSession(TcpIrregularities irregularities, int seed, out uint clientIsn, out uint serverIsn)
    {
        var timeline = new PacketTimeline(TestHosts.Factory());
        var session = new TcpSession(timeline, new GenerationRandom(seed), TestHosts.Pc.V4, 50000, TestHosts.Router.V4, 5000,
            800, irregularities);
        long t = session.Open(1_000_000);
        t = session.ClientSends(t + 100, Request);
        t = session.ServerSends(t + 1000, Response);
        session.ServerCloses(t + 100);
        var frames = timeline.Frames().Select(f => WireFrame.Parse(f.Data, LinkLayers.Ethernet)!).ToList();
        clientIsn = frames[0].TcpSeq;
        serverIsn = frames[1].TcpSeq;
        return frames;
    }

    private static byte[] Reassemble(List<WireFrame> frames, NetHost sender, uint firstSeq, int length)
    {
        var buffer = new byte[length];
        var filled = new bool[length];
        var senderAddress = sender.Ipv4.GetAddressBytes();
        foreach (var frame in frames.Where(f => f.Source.SequenceEqual(senderAddress) && f.Payload.Length > 0))
        {
            int offset = (int)(frame.TcpSeq - firstSeq);
            for (int i = 0; i < frame.Payload.Length; i++)
            {
                // Overlaps and retransmissions must repeat the same bytes, never different ones.
                if (filled[offset + i]) Assert.Equal(buffer[offset + i], frame.Payload[i]);
                buffer[offset + i] = frame.Payload[i];
                filled[offset + i] = true;
            }
        }
        Assert.All(filled, Assert.True);
        return buffer;
    }
}
