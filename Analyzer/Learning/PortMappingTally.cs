using Analyzer.Decoding;
using Analyzer.Decoding.NatPmp;
using Analyzer.Rules;

namespace Analyzer.Learning;

/// <summary>Port-mapping counters, shared by UPnP IGD SOAP, NAT-PMP and PCP.</summary>
internal static class PortMappingTally
{
    /// <summary>A lease this long or longer counts as permanent (a day: no application renews that rarely).</summary>
    public const double PermanentLeaseSeconds = 86_400;

    // The fixed default list, not the configured one: a feature must mean the same in training and scoring.
    private static readonly HashSet<int> SensitivePorts = [.. NetworkContext.DefaultSensitivePorts];

    /// <summary>One mapping request. <paramref name="client"/> null with <paramref name="clientGiven"/> means a
    /// client that is not an address at all (an injection attempt), which counts as another host.</summary>
    public static void Request(HostWindowCounters c, NetAddress requester, NetAddress? client, bool clientGiven,
        int? internalPort, int? externalPort, double? leaseSeconds, bool permanent, NetworkContext network)
    {
        c.MappingRequests++;
        bool otherHost = client is { } address ? address != requester : clientGiven;
        if (otherHost) c.MappingOtherHost++;
        if (client is { } inside && network.IsOutside(inside)) c.MappingOutsideClient++;
        if (internalPort is { } port && SensitivePorts.Contains(port)) c.MappingSensitivePort++;
        if (externalPort is { } external) c.MappingExternalPorts.Add((ulong)external);
        if (permanent || leaseSeconds >= PermanentLeaseSeconds)
        {
            c.MappingPermanent++;
            // A permanent mapping of one's own port is what Windows' NAT traversal API asks for; for another host it
            // is what UPnProxy and EternalSilence injections ask for.
            if (otherHost) c.MappingPermanentOtherHost++;
        }
        else if (leaseSeconds is { } lease)
        {
            c.MappingWithLease++;
            c.MappingLeaseSeconds += lease;
        }
    }

    public static void Sent(NatPmpMessage m, HostWindowCounters c, NetworkContext network)
    {
        if (m.IsResponse)
        {
            c.NatPmpPcpResponsesSent++;
            return;
        }
        // RFC 6886 §3.1: an unanswered request is sent again, the same bytes, up to nine times with a doubling interval.
        // A retransmission asks for nothing new, so it is not counted again.
        ulong key = StableHash.Of((long)(m.Lifetime ?? 0), StableHash.Of(((long)m.Opcode << 32) | ((long)(m.InternalPort ?? 0) << 16) | (long)(m.ExternalPort ?? 0)));
        int before = c.NatPmpRequestKeys.Count;
        c.NatPmpRequestKeys.Add(key);
        if (c.NatPmpRequestKeys.Count == before && before < DistinctSet.MaxItems) return;
        c.NatPmpRequests++;
        if (m.Opcode is not ((byte)NatPmpOpcode.MapUdpRequest or (byte)NatPmpOpcode.MapTcpRequest)) return;
        // RFC 6886 §3.4: a request with lifetime 0 deletes the mapping.
        if (m.Lifetime == 0) c.MappingDeletes++;
        else Request(c, m.Packet.Src, m.Packet.Src, true, m.InternalPort, m.ExternalPort, m.Lifetime, false, network);
    }

    public static void Received(NatPmpMessage m, HostWindowCounters c)
    {
        if (m.IsResponse && m.ResultCode is > 0 && m.Opcode is (byte)NatPmpOpcode.MapUdpResponse or (byte)NatPmpOpcode.MapTcpResponse)
            c.MappingFailuresReceived++;
    }

    public static void Sent(PcpMessage m, HostWindowCounters c, NetworkContext network)
    {
        if (m.IsResponse)
        {
            c.NatPmpPcpResponsesSent++;
            return;
        }
        c.PcpRequests++;
        if (m.Opcode is not ((byte)PcpOpcode.Map or (byte)PcpOpcode.Peer)) return;
        NetAddress? thirdParty = null;
        foreach (var option in m.Options)
            if (option.Code == (byte)PcpOptionCode.ThirdParty) thirdParty = option.Address;
        var client = thirdParty ?? m.ClientAddress ?? m.Packet.Src;
        if (thirdParty is not null || client != m.Packet.Src) c.PcpThirdParty++;
        // RFC 6887 §15: lifetime 0 deletes the mapping.
        if (m.Lifetime == 0) c.MappingDeletes++;
        else Request(c, m.Packet.Src, client, true, m.InternalPort, m.ExternalPort, m.Lifetime, false, network);
    }

    public static void Received(PcpMessage m, HostWindowCounters c)
    {
        if (m.IsResponse && m.ResultCode is > 0 && m.Opcode is (byte)PcpOpcode.Map or (byte)PcpOpcode.Peer)
            c.MappingFailuresReceived++;
    }
}
