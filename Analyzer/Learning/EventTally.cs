using Analyzer.Decoding;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules;

namespace Analyzer.Learning;

/// <summary>
/// Adds one event to the counters of its sender and of its (unicast) receiver. Typed records are read directly
/// (SSDP, NAT-PMP, PCP); the HTTP family (SOAP, GENA, DIAL/Cast, descriptions) through
/// <see cref="AnalyzerEvent.Fields"/>, so the features follow those decoders' field names.
/// </summary>
internal static class EventTally
{
    public static void Sent(AnalyzerEvent e, HostWindowCounters c, HostMemory memory, long windowIndex, NetworkContext network)
    {
        var p = e.Packet;
        c.EventsSent++;
        c.Protocols.Add(e.Protocol);
        c.DstPorts.Add((ulong)p.DstPort);
        if (!NetworkContext.IsSpecial(p.Dst))
        {
            c.Peers.Add(StableHash.Of(p.Dst.Value));
            c.PeerMessages++;
            if (network.IsOutside(p.Dst)) c.OutsidePeerMessages++;
        }
        switch (e)
        {
            case SsdpMessage ssdp:
                SsdpTally.Sent(ssdp, c, memory, windowIndex);
                break;
            case NatPmpMessage natPmp:
                PortMappingTally.Sent(natPmp, c, network);
                break;
            case PcpMessage pcp:
                PortMappingTally.Sent(pcp, c, network);
                break;
            default:
                HttpFamilyTally.Sent(e, c, network);
                break;
        }
    }

    public static void Received(AnalyzerEvent e, HostWindowCounters c, NetworkContext network)
    {
        c.EventsReceived++;
        c.PeerMessages++;
        if (network.IsOutside(e.Packet.Src)) c.OutsidePeerMessages++;
        switch (e)
        {
            case SsdpMessage ssdp:
                SsdpTally.Received(ssdp, c);
                break;
            case NatPmpMessage natPmp:
                PortMappingTally.Received(natPmp, c);
                break;
            case PcpMessage pcp:
                PortMappingTally.Received(pcp, c);
                break;
            default:
                HttpFamilyTally.Received(e, c);
                break;
        }
    }

    public static void Anomaly(DecodeAnomaly a, HostWindowCounters c) => c.DecodeAnomalies++;
}
