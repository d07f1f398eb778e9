using System.Buffers.Binary;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// Cuts an untagged Ethernet/IPv4 frame into IPv4 fragments (8-byte aligned pieces, sometimes overlapping,
/// duplicated or missing the last one), so that the fragment reassembler sees the disorder it must survive.
/// Returns the frame unchanged when it is not an unfragmented IPv4 frame.
/// </summary>
public static class Ipv4Fragmenter
{
    private const int Ethernet = 14;

    public static List<byte[]> Fragment(Random rng, byte[] frame)
    {
        if (frame.Length < Ethernet + 20 || BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(12)) != 0x0800 || frame[Ethernet] >> 4 != 4)
            return [frame];
        int headerLength = (frame[Ethernet] & 0x0F) * 4;
        int payloadLength = frame.Length - Ethernet - headerLength;
        if (headerLength < 20 || payloadLength < 16) return [frame];
        var fragments = new List<byte[]>();
        for (int offset = 0; offset < payloadLength;)
        {
            int size = Math.Min(payloadLength - offset, 8 * (1 + rng.Next(Math.Max(1, payloadLength / 8))));
            // Now and then a piece starts a little earlier than the previous one ended: an overlap.
            int start = offset > 0 && rng.Next(6) == 0 ? offset - 8 : offset;
            int end = Math.Min(payloadLength, start + size);
            bool more = end < payloadLength;
            var piece = new byte[Ethernet + headerLength + (end - start)];
            frame.AsSpan(0, Ethernet + headerLength).CopyTo(piece);
            frame.AsSpan(Ethernet + headerLength + start, end - start).CopyTo(piece.AsSpan(Ethernet + headerLength));
            var ip = piece.AsSpan(Ethernet);
            BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(headerLength + end - start));
            BinaryPrimitives.WriteUInt16BigEndian(ip[6..], (ushort)((more ? 0x2000 : 0) | start / 8));
            fragments.Add(piece);
            offset = end;
        }
        if (fragments.Count > 1 && rng.Next(6) == 0) fragments.RemoveAt(fragments.Count - 1);
        if (rng.Next(4) == 0) fragments.Add(fragments[rng.Next(fragments.Count)]);
        for (int i = fragments.Count - 1; i > 0; i--)
        {
            if (rng.Next(2) == 0) continue;
            int j = rng.Next(i + 1);
            (fragments[i], fragments[j]) = (fragments[j], fragments[i]);
        }
        return fragments;
    }
}
