using Analyzer.Decoding;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// Cuts the two directions of a conversation into segments and orders them the way a hostile or broken network
/// would: random segment sizes (down to one byte), local reordering, retransmissions and overlapping re-cuts of the
/// same bytes, and, when <c>hostile</c>, also dropped segments, overlaps with different bytes, wild sequence numbers,
/// stray SYN/FIN/RST flags and idle jumps in time. The handshake comes first, so the reassembler knows each start.
/// </summary>
public static class TcpSegmentPlan
{
    public const int MaxSegmentBytes = 1460;
    /// <summary>Segments per direction at most: tiny segments are cut from the front of long streams only.</summary>
    public const int MaxSegments = 4096;

    public static List<TcpSegment> Build(Random rng, NetAddress client, NetAddress server, ushort clientPort, ushort serverPort,
        byte[] request, byte[] response, bool hostile, ref long timeUs)
    {
        // Sometimes start next to the 2^32 wrap, where sequence arithmetic goes wrong first.
        uint isnC = rng.Next(4) == 0 ? uint.MaxValue - (uint)rng.Next(4096) : (uint)rng.NextInt64(uint.MaxValue);
        uint isnS = rng.Next(4) == 0 ? uint.MaxValue - (uint)rng.Next(4096) : (uint)rng.NextInt64(uint.MaxValue);
        var c = new PacketInfo { Src = client, Dst = server, SrcPort = clientPort, DstPort = serverPort, Transport = Transport.Tcp };
        var s = c.Reversed();
        var segments = new List<TcpSegment>
        {
            new(c with { TcpSeq = isnC, TcpFlags = TcpFlags.Syn }, []),
            new(s with { TcpSeq = isnS, TcpAck = isnC + 1, TcpFlags = TcpFlags.Syn | TcpFlags.Ack }, []),
        };
        var data = new List<TcpSegment>();
        var fromClient = Cut(rng, c, isnC + 1, isnS + 1, request);
        var fromServer = Cut(rng, s, isnS + 1, isnC + 1, response);
        // Interleave by progress through each direction: requests tend to precede their responses.
        int i = 0, j = 0;
        while (i < fromClient.Count || j < fromServer.Count)
        {
            bool takeClient = j >= fromServer.Count || (i < fromClient.Count && (double)i / fromClient.Count <= (double)j / fromServer.Count + rng.NextDouble() * 0.2);
            data.Add(takeClient ? fromClient[i++] : fromServer[j++]);
        }
        int swaps = rng.Next(data.Count / 2 + 1);
        for (int k = 0; k < swaps; k++)
        {
            int a = rng.Next(data.Count), b = Math.Clamp(a + rng.Next(-6, 7), 0, data.Count - 1);
            (data[a], data[b]) = (data[b], data[a]);
        }
        int repeats = rng.Next(3) == 0 ? rng.Next(1 + data.Count / 4) : 0;
        for (int k = 0; k < repeats && data.Count > 0; k++)
        {
            int at = rng.Next(data.Count);
            var seg = data[at];
            // A retransmission, or an overlapping re-cut of the same bytes.
            int from = rng.Next(seg.Payload.Length + 1);
            var again = new TcpSegment(seg.Packet with { TcpSeq = seg.Packet.TcpSeq + (uint)from }, seg.Payload[from..]);
            data.Insert(Math.Min(data.Count, at + 1 + rng.Next(8)), rng.Next(2) == 0 ? seg : again);
        }
        if (hostile) Disturb(rng, data);
        segments.AddRange(data);
        uint endC = isnC + 1 + (uint)request.Length, endS = isnS + 1 + (uint)response.Length;
        if (rng.Next(3) != 0)
        {
            segments.Add(new(c with { TcpSeq = endC, TcpAck = endS, TcpFlags = TcpFlags.Fin | TcpFlags.Ack }, []));
            segments.Add(new(s with { TcpSeq = endS, TcpAck = endC + 1, TcpFlags = TcpFlags.Fin | TcpFlags.Ack }, []));
        }
        return Stamp(rng, segments, ref timeUs, hostile);
    }

    private static List<TcpSegment> Stamp(Random rng, List<TcpSegment> segments, ref long timeUs, bool hostile)
    {
        var stamped = new List<TcpSegment>(segments.Count);
        foreach (var seg in segments)
        {
            // Now and then an idle gap longer than the reassembler's timeout.
            timeUs += hostile && rng.Next(200) == 0 ? 400_000_000 : 1 + rng.Next(2000);
            stamped.Add(seg with { Packet = seg.Packet with { TimestampUs = timeUs } });
        }
        return stamped;
    }

    private static List<TcpSegment> Cut(Random rng, in PacketInfo sender, uint seq, uint ack, byte[] bytes)
    {
        var list = new List<TcpSegment>();
        int max = rng.Next(4) switch { 0 => 1 + rng.Next(8), 1 => 1 + rng.Next(200), _ => MaxSegmentBytes };
        for (int pos = 0; pos < bytes.Length;)
        {
            int len = list.Count >= MaxSegments ? bytes.Length - pos : Math.Min(bytes.Length - pos, 1 + rng.Next(max));
            list.Add(new(sender with { TcpSeq = seq + (uint)pos, TcpAck = ack, TcpFlags = TcpFlags.Ack | TcpFlags.Psh }, bytes[pos..(pos + len)]));
            pos += len;
        }
        return list;
    }

    private static void Disturb(Random rng, List<TcpSegment> data)
    {
        int n = 1 + rng.Next(4);
        for (int k = 0; k < n && data.Count > 0; k++)
        {
            int at = rng.Next(data.Count);
            var seg = data[at];
            switch (rng.Next(6))
            {
                case 0: // lost
                    data.RemoveAt(at);
                    break;
                case 1: // same range, different bytes
                {
                    var other = (byte[])seg.Payload.Clone();
                    if (other.Length > 0) other[rng.Next(other.Length)] ^= 0x5A;
                    data.Insert(Math.Min(data.Count, at + 1 + rng.Next(4)), seg with { Payload = other });
                    break;
                }
                case 2: // wild sequence number
                    data[at] = seg with { Packet = seg.Packet with { TcpSeq = (uint)rng.NextInt64(uint.MaxValue) } };
                    break;
                case 3: // stray flags
                    data[at] = seg with { Packet = seg.Packet with { TcpFlags = (TcpFlags)rng.Next(64) } };
                    break;
                case 4: // a far-ahead segment that leaves a hole
                    data.Insert(at, seg with { Packet = seg.Packet with { TcpSeq = seg.Packet.TcpSeq + (uint)rng.Next(1, 1 << 24) } });
                    break;
                default: // a segment cut in two, halves swapped
                {
                    int cut = rng.Next(seg.Payload.Length + 1);
                    data[at] = seg with { Packet = seg.Packet with { TcpSeq = seg.Packet.TcpSeq + (uint)cut }, Payload = seg.Payload[cut..] };
                    data.Insert(at + 1, seg with { Payload = seg.Payload[..cut] });
                    break;
                }
            }
        }
    }
}
