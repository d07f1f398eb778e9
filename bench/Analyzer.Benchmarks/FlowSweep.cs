using System.Buffers.Binary;

namespace Analyzer.Benchmarks;

/// <summary>
/// Frames of many concurrent flows: flow i has its own 5-tuple (source 10.a.b.c and port from i, half TCP to 443
/// picked up mid-flow, half UDP to a high port), and every flow is seen once in each of two passes, so all of them are
/// open at the same time. Patched in place from two templates: no allocation per frame.
/// </summary>
internal sealed class FlowSweep(long flows)
{
    private readonly byte[] _tcp = Template(6);
    private readonly byte[] _udp = Template(17);

    public long Flows => flows;

    public byte[] Frame(long flow)
    {
        byte[] f = (flow & 1) == 0 ? _tcp : _udp;
        long host = flow >> 1;
        // 10.x.y.z from the upper bits, source port from the lower ones: 2^24 hosts × 16 ports before a repeat.
        long h = host >> 4;
        f[27] = (byte)(h >> 16);
        f[28] = (byte)(h >> 8);
        f[29] = (byte)h;
        BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(34), (ushort)(30000 + (host & 15)));
        return f;
    }

    private static byte[] Template(byte protocol)
    {
        const int payload = 64;
        int l4 = protocol == 6 ? 20 : 8;
        var f = new byte[14 + 20 + l4 + payload];
        f[12] = 0x08;
        f[14] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(16), (ushort)(20 + l4 + payload));
        f[22] = 64;
        f[23] = protocol;
        f[26] = 10;
        new byte[] { 93, 184, 216, 34 }.CopyTo(f, 30);
        BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(36), protocol == 6 ? (ushort)443 : (ushort)51820);
        if (protocol == 6)
        {
            f[46] = 5 << 4;
            f[47] = 0x18;
            BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(48), 502);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(38), (ushort)(8 + payload));
        }
        return f;
    }
}
