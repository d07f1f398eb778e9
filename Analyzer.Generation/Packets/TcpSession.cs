using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Packets;

/// <summary>
/// One TCP connection between a client and a server: three-way handshake, data in either direction with sequence
/// and acknowledgment numbers kept right, and FIN or RST teardown. Data is cut into segments at the MSS and, when
/// the session's irregularities allow it, at arbitrary offsets, with reordering, spurious retransmission and
/// overlapping segments; the receiver acknowledges what it has contiguously, as a real stack does.
/// </summary>
/// <remarks>Every method takes the time to start at and returns the time of the last frame it added (µs).</remarks>
public sealed class TcpSession
{
    public const int DefaultMss = 1460;
    private const ushort Window = 64240;
    private const double IrregularityChance = 0.5;
    private const int MaxOverlapBytes = 24;

    private readonly PacketTimeline _timeline;
    private readonly GenerationRandom _random;
    private readonly TcpIrregularities _irregularities;
    private readonly Side _client;
    private readonly Side _server;

    /// <param name="rttUs">Round-trip time between the two ends as seen at the capture point.</param>
    public TcpSession(PacketTimeline timeline, GenerationRandom random, Endpoint client, ushort clientPort,
        Endpoint server, ushort serverPort, long rttUs, TcpIrregularities irregularities, int mss = DefaultMss)
    {
        _timeline = timeline;
        _random = random;
        _irregularities = irregularities;
        RttUs = rttUs;
        Mss = mss;
        _client = new Side(client, clientPort, random.NextUInt32());
        _server = new Side(server, serverPort, random.NextUInt32());
    }

    public long RttUs { get; }
    public int Mss { get; }
    public Endpoint Client => _client.Endpoint;
    public Endpoint Server => _server.Endpoint;
    public ushort ClientPort => _client.Port;
    public ushort ServerPort => _server.Port;

    /// <summary>SYN, SYN-ACK, ACK. Both sides announce their MSS and SACK permission.</summary>
    public long Open(long t)
    {
        Emit(_client, _server, t, _client.Seq, 0, TcpFlags.Syn, SynOptions(Mss), []);
        _client.Seq++;
        t += RttUs / 2;
        Emit(_server, _client, t, _server.Seq, _client.Seq, TcpFlags.Syn | TcpFlags.Ack, SynOptions(Mss), []);
        _server.Seq++;
        t += RttUs / 2;
        Emit(_client, _server, t, _client.Seq, _server.Seq, TcpFlags.Ack, null, []);
        return t;
    }

    /// <summary>A SYN answered by RST-ACK: the port is closed. The session is unusable afterwards.</summary>
    public long Refused(long t)
    {
        Emit(_client, _server, t, _client.Seq, 0, TcpFlags.Syn, SynOptions(Mss), []);
        t += RttUs / 2;
        Emit(_server, _client, t, 0, _client.Seq + 1, TcpFlags.Rst | TcpFlags.Ack, null, []);
        return t;
    }

    public long ClientSends(long t, ReadOnlySpan<byte> data) => Send(_client, _server, t, data.ToArray());

    public long ServerSends(long t, ReadOnlySpan<byte> data) => Send(_server, _client, t, data.ToArray());

    /// <summary>The client closes first: FIN-ACK, FIN-ACK, ACK.</summary>
    public long ClientCloses(long t) => Close(_client, _server, t);

    /// <summary>The server closes first, as an HTTP/1.x server does after a response with "Connection: close".</summary>
    public long ServerCloses(long t) => Close(_server, _client, t);

    /// <summary>The server aborts with RST-ACK, as a crashed or refusing daemon's kernel does.</summary>
    public long ServerResets(long t)
    {
        Emit(_server, _client, t, _server.Seq, _client.Seq, TcpFlags.Rst | TcpFlags.Ack, null, []);
        return t;
    }

    private long Close(Side first, Side second, long t)
    {
        Emit(first, second, t, first.Seq, second.Seq, TcpFlags.Fin | TcpFlags.Ack, null, []);
        first.Seq++;
        t += RttUs / 2;
        Emit(second, first, t, second.Seq, first.Seq, TcpFlags.Fin | TcpFlags.Ack, null, []);
        second.Seq++;
        t += RttUs / 2;
        Emit(first, second, t, first.Seq, second.Seq, TcpFlags.Ack, null, []);
        return t;
    }

    private long Send(Side from, Side to, long t, byte[] data)
    {
        if (data.Length == 0) return t;
        var segments = PlanSegments(data);
        uint baseSeq = from.Seq;
        var received = new bool[data.Length];
        int contiguous = 0;
        int sinceAck = 0;

        for (int i = 0; i < segments.Count; i++)
        {
            var (start, length) = segments[i];
            bool last = i == segments.Count - 1;
            var flags = TcpFlags.Ack | (last || start + length == data.Length ? TcpFlags.Psh : TcpFlags.None);
            Emit(from, to, t, baseSeq + (uint)start, to.Seq, flags, null, data.AsSpan(start, length));
            Array.Fill(received, true, start, length);
            while (contiguous < data.Length && received[contiguous]) contiguous++;
            // A receiver acknowledges at least every second full segment (RFC 9293 §3.8.6.3); out of order data
            // draws a duplicate ACK of the contiguous edge.
            if (++sinceAck == 2 && !last)
            {
                Emit(to, from, t + 30, to.Seq, baseSeq + (uint)contiguous, TcpFlags.Ack, null, []);
                sinceAck = 0;
            }
            t += _random.Next(20, 200);
        }

        from.Seq = baseSeq + (uint)data.Length;
        t += Math.Max(40, RttUs / 2);
        Emit(to, from, t, to.Seq, from.Seq, TcpFlags.Ack, null, []);

        var (lastStart, lastLength) = segments[^1];
        // A repeated 1-byte segment reads as a keep-alive probe to Wireshark, whose reassembly then reports an error.
        if (lastLength > 1 && Wants(TcpIrregularities.Retransmit))
        {
            // The ACK is lost upstream: after the RTO the sender repeats its last segment, the receiver answers with a
            // duplicate ACK (Wireshark: "Spurious Retransmission").
            var (start, length) = (lastStart, lastLength);
            t += 200_000 + _random.Next(0, 50_000);
            Emit(from, to, t, baseSeq + (uint)start, to.Seq, TcpFlags.Ack | TcpFlags.Psh, null, data.AsSpan(start, length));
            t += Math.Max(40, RttUs / 2);
            Emit(to, from, t, to.Seq, from.Seq, TcpFlags.Ack, null, []);
        }
        return t;
    }

    /// <summary>Offsets and lengths of the segments that carry <paramref name="data"/>, in sending order.</summary>
    private List<(int Start, int Length)> PlanSegments(byte[] data)
    {
        int length = data.Length;
        var cuts = new SortedSet<int>();
        for (int offset = Mss; offset < length; offset += Mss) cuts.Add(offset);
        // Wireshark recognises HTTP on a port it does not know only from a segment holding the whole start line;
        // without it, it reads later header segments as new messages and calls them malformed. Cuts at arbitrary
        // bytes are therefore made after the start line of an HTTP message, anywhere in other data.
        int firstCut = HttpStartLineLength(data) + 1;
        if (length > firstCut && Wants(TcpIrregularities.Split))
        {
            int extra = _random.Next(1, 4);
            for (int i = 0; i < extra; i++) cuts.Add(_random.Next(firstCut, length));
        }

        var segments = new List<(int Start, int Length)>();
        int previous = 0;
        foreach (int cut in cuts)
        {
            segments.Add((previous, cut - previous));
            previous = cut;
        }
        segments.Add((previous, length - previous));

        // Wireshark 4.0 (default preferences) cannot reassemble an overlap or a reordering inside an HTTP head, whose
        // length it does not know yet, and reports such frames as malformed. Irregularities are therefore placed after
        // the head of an HTTP message (in its body) and anywhere in other data, so the captures pass that check and
        // still exercise the analyzer's reassembly.
        int firstMovable = HttpHeadLength(data);
        if (segments.Count >= 2 && Wants(TcpIrregularities.Overlap))
        {
            int i = _random.Next(1, segments.Count);
            var (start, segmentLength) = segments[i];
            int back = _random.Next(1, Math.Min(MaxOverlapBytes, segments[i - 1].Length) + 1);
            // The grown segment must still fit the MSS: a frame larger than the path MTU never reaches a capture.
            if (start - back >= firstMovable && segmentLength + back <= Mss) segments[i] = (start - back, segmentLength + back);
        }

        if (segments.Count >= 2 && Wants(TcpIrregularities.Reorder))
        {
            int i = _random.Next(0, segments.Count - 1);
            // An early segment is dissected on its own; one that starts with a line end reads as malformed HTTP.
            if (segments[i].Start >= firstMovable && !StartsWithLineEnd(data, segments[i + 1].Start))
                (segments[i], segments[i + 1]) = (segments[i + 1], segments[i]);
        }
        return segments;
    }

    /// <summary>Bytes up to the end of the head when <paramref name="data"/> starts an HTTP message, else 0.</summary>
    private static int HttpHeadLength(byte[] data) => HttpEnd(data, "\r\n\r\n"u8);

    /// <summary>Bytes up to the end of the start line when <paramref name="data"/> starts an HTTP message, else 0.</summary>
    private static int HttpStartLineLength(byte[] data) => HttpEnd(data, "\r\n"u8);

    private static int HttpEnd(byte[] data, ReadOnlySpan<byte> terminator)
    {
        int space = data.AsSpan(0, Math.Min(data.Length, 24)).IndexOf((byte)' ');
        bool http = space > 0 && (data.AsSpan().StartsWith("HTTP/"u8) || IsUpperToken(data.AsSpan(0, space)));
        if (!http) return 0;
        int end = data.AsSpan().IndexOf(terminator);
        return end < 0 ? data.Length : end + terminator.Length;
    }

    private static bool IsUpperToken(ReadOnlySpan<byte> token)
    {
        foreach (byte b in token) if (b is not (>= (byte)'A' and <= (byte)'Z' or (byte)'-')) return false;
        return true;
    }

    private static bool StartsWithLineEnd(byte[] data, int offset) => data[offset] is (byte)'\r' or (byte)'\n';

    private bool Wants(TcpIrregularities kind) => (_irregularities & kind) != 0 && _random.Chance(IrregularityChance);

    private void Emit(Side from, Side to, long t, uint seq, uint ack, TcpFlags flags, byte[]? options, ReadOnlySpan<byte> payload)
    {
        var header = new TcpSegmentHeader(seq, ack, flags, Window, options);
        _timeline.Add(t, _timeline.Factory.Tcp(from.Endpoint, from.Port, to.Endpoint, to.Port, header, payload));
    }

    // MSS (kind 2, length 4), NOP, NOP, SACK permitted (kind 4, length 2).
    private static byte[] SynOptions(int mss) => [2, 4, (byte)(mss >> 8), (byte)mss, 1, 1, 4, 2];

    private sealed class Side(Endpoint endpoint, ushort port, uint initialSeq)
    {
        public Endpoint Endpoint { get; } = endpoint;
        public ushort Port { get; } = port;
        public uint Seq { get; set; } = initialSeq;
    }
}
