using Analyzer.Decoding;

namespace Analyzer.Tests.Reassembly;

/// <summary>Builds the segments of one test connection between a client and a server, with running sequence numbers.</summary>
internal sealed class TcpTestConnection
{
    public static readonly NetAddress ClientAddress = NetAddress.Parse("192.168.1.20");
    public static readonly NetAddress ServerAddress = NetAddress.Parse("192.168.1.1");

    public TcpTestConnection(uint clientIsn = 1000, uint serverIsn = 5000, ushort clientPort = 51000, ushort serverPort = 5000,
        string? client = null, string? server = null)
    {
        Client = client is null ? ClientAddress : NetAddress.Parse(client);
        Server = server is null ? ServerAddress : NetAddress.Parse(server);
        ClientIsn = clientIsn;
        ServerIsn = serverIsn;
        ClientPort = clientPort;
        ServerPort = serverPort;
    }

    public NetAddress Client { get; }
    public NetAddress Server { get; }
    public uint ClientIsn { get; }
    public uint ServerIsn { get; }
    public ushort ClientPort { get; }
    public ushort ServerPort { get; }
    public long TimeUs { get; set; } = 1_700_000_000_000_000;
    public long Frame { get; set; }

    /// <summary>First data byte of the client, after the SYN.</summary>
    public uint ClientData => unchecked(ClientIsn + 1);
    public uint ServerData => unchecked(ServerIsn + 1);

    public PacketInfo FromClient(uint seq, TcpFlags flags = TcpFlags.Ack | TcpFlags.Psh, uint ack = 0) =>
        Packet(Client, ClientPort, Server, ServerPort, seq, ack == 0 ? ServerData : ack, flags);

    public PacketInfo FromServer(uint seq, TcpFlags flags = TcpFlags.Ack | TcpFlags.Psh, uint ack = 0) =>
        Packet(Server, ServerPort, Client, ClientPort, seq, ack == 0 ? ClientData : ack, flags);

    public PacketInfo Syn() => FromClient(ClientIsn, TcpFlags.Syn, ack: 0) with { TcpAck = 0 };
    public PacketInfo SynAck() => FromServer(ServerIsn, TcpFlags.Syn | TcpFlags.Ack, ClientData);
    public PacketInfo Ack() => FromClient(ClientData, TcpFlags.Ack);

    private PacketInfo Packet(NetAddress src, ushort srcPort, NetAddress dst, ushort dstPort, uint seq, uint ack, TcpFlags flags)
    {
        TimeUs += 1000;
        return new PacketInfo
        {
            TimestampUs = TimeUs,
            Src = src,
            Dst = dst,
            SrcPort = srcPort,
            DstPort = dstPort,
            Transport = Transport.Tcp,
            TcpSeq = seq,
            TcpAck = ack,
            TcpFlags = flags,
            FrameNumber = ++Frame,
        };
    }
}
