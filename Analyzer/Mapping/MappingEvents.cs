using System.Globalization;
using Analyzer.Decoding;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Soap;
using Analyzer.Events;

namespace Analyzer.Mapping;

/// <summary>
/// Turns protocol events into the one mapping model: NAT-PMP MAP requests and answers, PCP MAP/PEER requests and
/// answers, IGD SOAP port-mapping and pinhole actions and their answers (<see cref="IgdMappings"/>). Events of
/// other kinds are not mappings.
/// </summary>
public static class MappingEvents
{
    public const byte TcpProtocol = 6;
    public const byte UdpProtocol = 17;

    public static bool TryRequest(AnalyzerEvent e, out MappingRequest request, out MappingKey key)
    {
        switch (e)
        {
            case NatPmpMessage { IsResponse: false, Opcode: (byte)NatPmpOpcode.MapUdpRequest or (byte)NatPmpOpcode.MapTcpRequest } m:
                request = FromNatPmp(m);
                key = NatPmpKey(m.Packet.Dst, m.Packet.Src, m.Packet.SrcPort, m.Opcode, m.InternalPort);
                return true;
            case PcpMessage { IsResponse: false, Opcode: (byte)PcpOpcode.Map or (byte)PcpOpcode.Peer, Nonce: not null } p:
                request = FromPcp(p);
                key = PcpKey(p.Packet.Dst, p.Packet.Src, p.Packet.SrcPort, p.Opcode, p.Nonce);
                return true;
            case SoapRequest soap:
                return IgdMappings.TryRequest(soap, out request, out key);
        }
        request = null!;
        key = default;
        return false;
    }

    public static bool TryResponse(AnalyzerEvent e, out MappingResponse response, out MappingKey key)
    {
        switch (e)
        {
            case NatPmpMessage { IsResponse: true, Opcode: (byte)NatPmpOpcode.MapUdpResponse or (byte)NatPmpOpcode.MapTcpResponse } m
                when !NetworkContext.IsSpecial(m.Packet.Dst):
                response = new MappingResponse
                {
                    Packet = m.Packet,
                    Method = MappingMethod.NatPmp,
                    Success = m.ResultCode == (ushort)NatPmpResultCode.Success,
                    Code = m.ResultCode,
                    CodeName = m.ResultName,
                    ExternalPort = m.ExternalPort,
                    Lifetime = m.Lifetime,
                };
                key = NatPmpKey(m.Packet.Src, m.Packet.Dst, m.Packet.DstPort, (byte)(m.Opcode - NatPmpFields.ResponseBit), m.InternalPort);
                return true;
            case PcpMessage { IsResponse: true, Opcode: (byte)PcpOpcode.Map or (byte)PcpOpcode.Peer } p
                when !NetworkContext.IsSpecial(p.Packet.Dst):
                response = new MappingResponse
                {
                    Packet = p.Packet,
                    Method = MappingMethod.Pcp,
                    Success = p.ResultCode == (byte)PcpResultCode.Success,
                    Code = p.ResultCode,
                    CodeName = p.ResultName,
                    ExternalPort = p.ExternalPort,
                    Lifetime = p.Lifetime,
                    ExternalAddress = p.ExternalAddress,
                };
                // An error answer cut after the common header has no nonce: it answers the client's pending request
                // of that opcode, whichever it was.
                key = PcpKey(p.Packet.Src, p.Packet.Dst, p.Packet.DstPort, p.Opcode, p.Nonce);
                return true;
            case SoapResponse soap:
                return IgdMappings.TryResponse(soap, out response, out key);
        }
        response = null!;
        key = default;
        return false;
    }

    private static MappingRequest FromNatPmp(NatPmpMessage m)
    {
        bool delete = m.Lifetime == 0;
        return new MappingRequest
        {
            Packet = m.Packet,
            Method = MappingMethod.NatPmp,
            Action = delete ? (m.InternalPort == 0 ? MappingAction.DeleteAll : MappingAction.Delete) : MappingAction.Add,
            ActionName = m.Message,
            Transport = m.Opcode == (byte)NatPmpOpcode.MapTcpRequest ? "tcp" : "udp",
            ExternalPort = m.ExternalPort,
            // RFC 6886 §3.3: a mapping is always for the sender's own address.
            InternalClient = m.Packet.Src,
            InternalPort = m.InternalPort,
            LeaseSeconds = m.Lifetime,
        };
    }

    private static MappingRequest FromPcp(PcpMessage p)
    {
        NetAddress? thirdParty = null;
        int? filterPrefix = null;
        foreach (var o in p.Options)
        {
            if (o.Code == (byte)PcpOptionCode.ThirdParty && thirdParty is null) thirdParty = o.Address;
            if (o.Code == (byte)PcpOptionCode.Filter && o.PrefixLength is { } prefix)
                filterPrefix = Math.Min(filterPrefix ?? int.MaxValue, prefix);
        }
        bool peer = p.Opcode == (byte)PcpOpcode.Peer;
        return new MappingRequest
        {
            Packet = p.Packet,
            Method = MappingMethod.Pcp,
            Action = peer ? MappingAction.Peer : p.Lifetime == 0 ? MappingAction.Delete : MappingAction.Add,
            ActionName = p.Message,
            Transport = TransportName(p.ProtocolNumber),
            ExternalPort = p.ExternalPort,
            InternalClient = thirdParty ?? p.ClientAddress,
            InternalPort = p.InternalPort,
            LeaseSeconds = p.Lifetime,
            RemoteHost = peer && p.RemoteAddress is { } remote
                ? $"{remote}:{p.RemotePort?.ToString(CultureInfo.InvariantCulture)}" : null,
            ThirdParty = thirdParty,
            FilterPrefixLength = filterPrefix,
            Nonce = p.Nonce,
        };
    }

    public static string TransportName(byte? protocol) => protocol switch
    {
        null => "",
        0 => "all",
        TcpProtocol => "tcp",
        UdpProtocol => "udp",
        { } n => n.ToString(CultureInfo.InvariantCulture),
    };

    private static MappingKey NatPmpKey(NetAddress gateway, NetAddress client, ushort clientPort, byte requestOpcode, ushort? internalPort) =>
        new(MappingMethod.NatPmp, gateway, client, clientPort,
            string.Create(CultureInfo.InvariantCulture, $"{requestOpcode}/{internalPort}"));

    private static MappingKey PcpKey(NetAddress gateway, NetAddress client, ushort clientPort, byte opcode, string? nonce) =>
        new(MappingMethod.Pcp, gateway, client, clientPort,
            string.Create(CultureInfo.InvariantCulture, $"{opcode}/{nonce}"));
}
