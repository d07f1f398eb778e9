using System.Buffers.Binary;
using System.Net;

namespace Analyzer.Benchmarks;

/// <summary>Frames and payloads the benchmarks parse, built once.</summary>
internal static class BenchmarkFrames
{
    public static readonly byte[] SsdpNotify =
        "NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\nLOCATION: http://192.168.1.1:5000/rootDesc.xml\r\nOPT: \"http://schemas.upnp.org/upnp/1/0/\"; ns=01\r\n01-NLS: 1\r\nNT: urn:schemas-upnp-org:service:WANIPConnection:1\r\nNTS: ssdp:alive\r\nSERVER: Linux/3.14 UPnP/1.0 MiniUPnPd/2.1\r\nUSN: uuid:2b4c4d3e-0000-1000-8000-001122334455::urn:schemas-upnp-org:service:WANIPConnection:1\r\nBOOTID.UPNP.ORG: 1\r\nCONFIGID.UPNP.ORG: 1337\r\n\r\n"u8.ToArray();

    /// <summary>A SOAP AddPortMapping request as one stream read: head and a Content-Length body.</summary>
    public static readonly byte[] SoapAddPortMapping = HttpWithBody(
        "POST /ctl/IPConn HTTP/1.1\r\nHOST: 192.168.1.1:5000\r\nCONTENT-TYPE: text/xml; charset=\"utf-8\"\r\n" +
        "SOAPACTION: \"urn:schemas-upnp-org:service:WANIPConnection:1#AddPortMapping\"\r\nUSER-AGENT: Linux/5.4 UPnP/1.1 MiniUPnPc/2.2.4\r\n",
        "<?xml version=\"1.0\"?>\r\n<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" " +
        "s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body><u:AddPortMapping " +
        "xmlns:u=\"urn:schemas-upnp-org:service:WANIPConnection:1\"><NewRemoteHost></NewRemoteHost><NewExternalPort>51413" +
        "</NewExternalPort><NewProtocol>TCP</NewProtocol><NewInternalPort>51413</NewInternalPort><NewInternalClient>" +
        "192.168.1.66</NewInternalClient><NewEnabled>1</NewEnabled><NewPortMappingDescription>Transmission at 51413" +
        "</NewPortMappingDescription><NewLeaseDuration>0</NewLeaseDuration></u:AddPortMapping></s:Body></s:Envelope>\r\n");

    /// <summary>A chunked response of three chunks and a trailer, as one stream read.</summary>
    public static readonly byte[] ChunkedResponse = System.Text.Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nServer: Linux/3.14 UPnP/1.0 miniupnpd/2.1\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n" +
        "40\r\n" + new string('a', 64) + "\r\n100\r\n" + new string('b', 256) + "\r\n8;ext=1\r\n" + new string('c', 8) + "\r\n" +
        "0\r\nX-Trailer: 1\r\n\r\n");

    public static readonly byte[] NatPmpMapTcp = [0, 2, 0, 0, 0x1F, 0x90, 0x1F, 0x90, 0, 0, 0x1C, 0x20];

    public static readonly byte[] PcpMapWithThirdParty = BuildPcpMap();

    public static readonly byte[] BackgroundTcp = Ethernet(0x0800, Ipv4(6, Tcp(new byte[1400])));

    public static readonly byte[] SsdpFrame = Ethernet(0x0800, Ipv4(17, Udp(1900, SsdpNotify)));

    private static byte[] BuildPcpMap()
    {
        var m = new byte[24 + 36 + 20];
        m[0] = 2; m[1] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(4), 7200);
        IPAddress.Parse("::ffff:192.168.1.20").GetAddressBytes().CopyTo(m, 8);
        m[24 + 12] = 6;
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(24 + 16), 445);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(24 + 18), 445);
        m[60] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(62), 16);
        IPAddress.Parse("::ffff:192.168.1.50").GetAddressBytes().CopyTo(m, 64);
        return m;
    }

    private static byte[] Udp(ushort dst, byte[] payload)
    {
        var u = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(u, 40000);
        BinaryPrimitives.WriteUInt16BigEndian(u.AsSpan(2), dst);
        BinaryPrimitives.WriteUInt16BigEndian(u.AsSpan(4), (ushort)u.Length);
        payload.CopyTo(u, 8);
        return u;
    }

    private static byte[] Tcp(byte[] payload)
    {
        var t = new byte[20 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(t, 50000);
        BinaryPrimitives.WriteUInt16BigEndian(t.AsSpan(2), 443);
        t[12] = 5 << 4;
        t[13] = 0x18;
        payload.CopyTo(t, 20);
        return t;
    }

    private static byte[] Ipv4(byte protocol, byte[] payload)
    {
        var ip = new byte[20 + payload.Length];
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(2), (ushort)ip.Length);
        ip[8] = 64;
        ip[9] = protocol;
        new byte[] { 192, 168, 1, 20 }.CopyTo(ip, 12);
        new byte[] { 239, 255, 255, 250 }.CopyTo(ip, 16);
        payload.CopyTo(ip, 20);
        return ip;
    }

    private static byte[] Ethernet(ushort type, byte[] payload)
    {
        var f = new byte[14 + payload.Length];
        f[12] = (byte)(type >> 8);
        f[13] = (byte)type;
        payload.CopyTo(f, 14);
        return f;
    }

    private static byte[] HttpWithBody(string head, string body) => System.Text.Encoding.ASCII.GetBytes(
        head + "CONTENT-LENGTH: " + System.Text.Encoding.ASCII.GetByteCount(body) + "\r\n\r\n" + body);
}
