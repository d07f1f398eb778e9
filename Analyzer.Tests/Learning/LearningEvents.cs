using Analyzer.Decoding;
using Analyzer.Decoding.Cast;
using Analyzer.Decoding.Description;
using Analyzer.Decoding.Dial;
using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Soap;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;

namespace Analyzer.Tests.Learning;

/// <summary>Decoded events built directly, for feature tests that need no bytes.</summary>
internal static class LearningEvents
{
    public const long T0 = 1_773_478_800_000_000; // a multiple of the 10 s window

    public static PacketInfo Packet(string src, string dst, long us, ushort srcPort = 50000, ushort dstPort = 1900, Transport transport = Transport.Udp) =>
        new() { Src = NetAddress.Parse(src), Dst = NetAddress.Parse(dst), SrcPort = srcPort, DstPort = dstPort, Transport = transport, TimestampUs = us, FrameNumber = 1 };

    public static SsdpMessage Search(string src, string dst, long us, string st = "ssdp:all") => new(Packet(src, dst, us))
    {
        Kind = SsdpKind.MSearch,
        Headers = [new SsdpHeader("ST", st, st.Length, SsdpHeaderId.St)],
        Length = 120,
        LongestHeaderLine = 40,
    };

    public static SsdpMessage Response(string src, string dst, long us, string usn = "uuid:aaaa::upnp:rootdevice", string? location = null) =>
        new(Packet(src, dst, us, 1900, 50000))
        {
            Kind = SsdpKind.Response,
            Headers =
            [
                new SsdpHeader("USN", usn, usn.Length, SsdpHeaderId.Usn),
                new SsdpHeader("LOCATION", location ?? $"http://{src}:5000/desc.xml", (location ?? "").Length, SsdpHeaderId.Location),
            ],
            Length = 300,
            LongestHeaderLine = 60,
        };

    public static SsdpMessage Notify(string src, long us, string usn) => new(Packet(src, "239.255.255.250", us, 1900, 1900))
    {
        Kind = SsdpKind.Notify,
        Headers = [new SsdpHeader("NTS", "ssdp:alive", 10, SsdpHeaderId.Nts), new SsdpHeader("USN", usn, usn.Length, SsdpHeaderId.Usn)],
        Length = 280,
        LongestHeaderLine = 70,
    };

    public static NatPmpMessage NatPmpMap(string src, string gateway, long us, ushort internalPort, uint lifetime) =>
        new(Packet(src, gateway, us, 5350, 5351)) { Opcode = 2, InternalPort = internalPort, ExternalPort = internalPort, Lifetime = lifetime };

    public static PcpMessage PcpMap(string src, string gateway, long us, ushort internalPort, string? thirdParty = null) =>
        new(Packet(src, gateway, us, 5350, 5351))
        {
            Version = 2, Opcode = 1, Lifetime = 3600, ClientAddress = NetAddress.Parse(src), InternalPort = internalPort, ExternalPort = internalPort,
            Options = thirdParty is null ? [] : [new PcpOption(1, 16) { Address = NetAddress.Parse(thirdParty) }],
        };

    public static SoapArgument Arg(string name, string value, int? length = null) => new(name, value, length ?? value.Length);

    public static SoapRequest Soap(string src, string dst, long us, string action, string? soapAction = null, params SoapArgument[] arguments) =>
        new(Packet(src, dst, us, 50001, 5000, Transport.Tcp))
        {
            ServiceType = "urn:schemas-upnp-org:service:WANIPConnection:1",
            Action = action,
            Method = "POST",
            ControlUrl = "/ctl/IPConn",
            SoapAction = soapAction is null ? null : SoapActionHeader.Parse(soapAction),
            Arguments = arguments,
            ArgumentCount = arguments.Length,
        };

    public static SoapResponse SoapFault(string src, string dst, long us, string action) =>
        new(Packet(src, dst, us, 5000, 50001, Transport.Tcp)) { Status = 500, IsFault = true, Action = action, Arguments = [] };

    public static GenaMessage Subscribe(string src, string dst, long us, ushort srcPort, string callback) =>
        new(Packet(src, dst, us, srcPort, 2869, Transport.Tcp))
        {
            Kind = "SUBSCRIBE",
            Path = "/evt",
            Callback = callback,
            Callbacks = GenaCallback.ParseList(callback, out int count),
            CallbackCount = count,
            Nt = "upnp:event",
        };

    /// <summary>A GENA event NOTIFY from a device to a subscriber's callback.</summary>
    public static GenaMessage EventNotify(string src, string dst, long us) =>
        new(Packet(src, dst, us, 49152, 2869, Transport.Tcp)) { Kind = "NOTIFY", Path = "/evt", Nt = "upnp:event", Nts = "upnp:propchange", Sid = "uuid:1" };

    /// <summary>A DIAL request of <paramref name="kind"/>, or with <paramref name="status"/> the response to one.</summary>
    public static DialMessage Dial(string src, string dst, long us, string kind, int? status = null) =>
        new(Packet(src, dst, us, 50010, 8008, Transport.Tcp)) { Kind = status is null ? kind : "RESPONSE", Request = status is null ? null : kind, Status = status };

    /// <summary>A Cast setup request to <paramref name="endpoint"/>, or with <paramref name="status"/> the response to one.</summary>
    public static CastMessage Cast(string src, string dst, long us, string endpoint, int? status = null) =>
        new(Packet(src, dst, us, 50011, 8008, Transport.Tcp)) { Endpoint = endpoint, Method = status is null ? "POST" : null, Status = status };

    public static DescriptionMessage Description(string src, string dst, long us, XmlEvidence evidence) =>
        new(Packet(src, dst, us, 5000, 50004, Transport.Tcp))
        {
            Status = 200,
            Location = $"http://{src}:5000/desc.xml",
            Path = "/desc.xml",
            Description = new DeviceDescription { Evidence = evidence },
        };
}
