using Analyzer.Decoding.Link;
using Analyzer.Pipeline;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Robustness;

/// <summary>Feeds one TCP connection (handshake, request, response) to a pipeline as Ethernet/IPv4 frames.</summary>
public sealed class TcpFeeder(AnalyzerPipeline pipeline, string client = "192.168.1.50", string server = "192.168.1.1", ushort serverPort = 5000, ushort clientPort = 40000)
{
    public const int SegmentBytes = 1400;
    private uint _clientSeq = 1000, _serverSeq = 9000;
    private long _time = 1_700_000_000_000_000;

    public TcpFeeder Handshake()
    {
        Send(fromClient: true, 0x02, []);
        _clientSeq++;
        Send(fromClient: false, 0x12, []);
        _serverSeq++;
        return this;
    }

    public TcpFeeder Request(byte[] bytes) => Stream(fromClient: true, bytes);

    public TcpFeeder Response(byte[] bytes) => Stream(fromClient: false, bytes);

    private TcpFeeder Stream(bool fromClient, byte[] bytes)
    {
        for (int at = 0; at < bytes.Length; at += SegmentBytes)
        {
            var piece = bytes[at..Math.Min(bytes.Length, at + SegmentBytes)];
            Send(fromClient, 0x18, piece);
            if (fromClient) _clientSeq += (uint)piece.Length;
            else _serverSeq += (uint)piece.Length;
        }
        return this;
    }

    private void Send(bool fromClient, byte flags, byte[] payload)
    {
        var tcp = fromClient
            ? Frames.Tcp(clientPort, serverPort, _clientSeq, _serverSeq, flags, payload)
            : Frames.Tcp(serverPort, clientPort, _serverSeq, _clientSeq, flags, payload);
        var frame = Frames.Ethernet(0x0800, fromClient ? Frames.Ipv4(client, server, 6, tcp) : Frames.Ipv4(server, client, 6, tcp));
        pipeline.OnFrame(LinkType.Ethernet, _time += 100, frame, frame.Length);
    }
}
