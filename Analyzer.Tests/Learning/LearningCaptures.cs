using System.Buffers.Binary;
using System.Text;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Learning;

/// <summary>
/// Small home-network captures for the learning tests: devices that announce themselves every few seconds and a
/// laptop that searches and gets answers from the router; optionally a host that floods the router with NAT-PMP
/// mappings of SMB for a day.
/// </summary>
internal static class LearningCaptures
{
    public const string Router = "192.168.1.1";
    public const string Searcher = "192.168.1.10";
    public const string Attacker = "192.168.1.66";
    public const int Devices = 8;
    public const long StartUs = 1_773_478_800_000_000;
    public const long LengthUs = 40_000_000;
    /// <summary>The attacker's requests: one every 200 ms from 12 s to 20 s.</summary>
    public const long AttackStartUs = StartUs + 12_000_000, AttackEndUs = StartUs + 20_000_000;

    public static string Device(int i) => $"192.168.1.{20 + i}";

    public static string Write(string path, bool withAttack, long offsetUs = 0)
    {
        var frames = new List<(long Us, byte[] Frame)>();
        for (int d = 0; d < Devices; d++)
            for (long t = 500_000 + d * 50_000; t < LengthUs; t += 3_000_000)
                frames.Add((t, Udp(Device(d), "239.255.255.250", 1900, 1900, Notify(Device(d), d))));
        for (long t = 1_000_000; t < LengthUs; t += 15_000_000)
        {
            frames.Add((t, Udp(Searcher, "239.255.255.250", 50000, 1900, Search())));
            frames.Add((t + 40_000, Udp(Router, Searcher, 1900, 50000, Response())));
        }
        if (withAttack)
            for (long t = AttackStartUs - StartUs; t < AttackEndUs - StartUs; t += 200_000)
                frames.Add((t, Udp(Attacker, Router, 5350, 5351, NatPmpMap(445, 86400))));
        var pcap = new PcapBuilder(linkType: 1);
        foreach (var (us, frame) in frames.OrderBy(f => f.Us)) pcap.Add(frame, StartUs + offsetUs + us);
        return pcap.WriteTo(path);
    }

    private static byte[] Udp(string src, string dst, ushort sp, ushort dp, byte[] payload) =>
        Frames.Ethernet(0x0800, Frames.Ipv4(src, dst, 17, Frames.Udp(sp, dp, payload)));

    private static byte[] Notify(string ip, int device) => Encoding.ASCII.GetBytes(
        "NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\n" +
        $"LOCATION: http://{ip}:80/description.xml\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n" +
        $"USN: uuid:0000000{device}-1111-2222-3333-444444444444::upnp:rootdevice\r\nSERVER: Linux/5.4 UPnP/1.0 Device/1.0\r\n\r\n");

    private static byte[] Search() => Encoding.ASCII.GetBytes(
        "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 2\r\nST: ssdp:all\r\n\r\n");

    private static byte[] Response() => Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=120\r\nST: upnp:rootdevice\r\n" +
        $"USN: uuid:aaaaaaaa-1111-2222-3333-444444444444::upnp:rootdevice\r\nLOCATION: http://{Router}:5000/rootDesc.xml\r\n\r\n");

    private static byte[] NatPmpMap(ushort port, uint lifetime)
    {
        var m = new byte[12];
        m[1] = 2; // map TCP
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(4), port);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(6), port);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(8), lifetime);
        return m;
    }
}
