using System.Globalization;
using Analyzer.Events;

namespace Analyzer.Decoding.NatPmp;

/// <summary>
/// NAT-PMP (RFC 6886) and PCP (RFC 6887) on UDP 5350/5351. The two share ports and the version byte tells them
/// apart (PCP §9): 0 is NAT-PMP, 2 is PCP. Version 1, used by the PCP drafts before RFC 6887, is reported as
/// <c>natpmp.unsupported_version</c> (a NAT-PMP gateway answers it with Unsupported Version); any other version
/// as <c>pcp.bad_version</c>. Stateless: each datagram is one message.
/// </summary>
public sealed class NatPmpAnalyzer : IDatagramAnalyzer
{
    /// <summary>Clients listen here for the gateway's multicast announcements (RFC 6886 §3.2.1, RFC 6887 §14.1).</summary>
    public const ushort ClientPort = 5350;
    /// <summary>The gateway's NAT-PMP/PCP server port.</summary>
    public const ushort ServerPort = 5351;
    private const byte PcpDraftVersion = 1;

    public bool Wants(in PacketInfo packet, ReadOnlySpan<byte> payload) =>
        packet.Transport == Transport.Udp
        && payload.Length >= NatPmpFields.CommonHeaderLength
        && (IsOurPort(packet.SrcPort) || IsOurPort(packet.DstPort));

    public void OnDatagram(in PacketInfo packet, ReadOnlySpan<byte> payload, IEventSink sink)
    {
        AnalyzerEvent? message = null;
        ParseIssue issue;
        int version = payload.IsEmpty ? NatPmpFields.Version : payload[NatPmpFields.VersionOffset];
        switch (version)
        {
            case NatPmpFields.Version:
                NatPmpParser.TryParse(payload, packet, out var natPmp, out issue);
                message = natPmp;
                break;
            case PcpFields.Version:
                PcpParser.TryParse(payload, packet, out var pcp, out issue);
                message = pcp;
                break;
            case PcpDraftVersion:
                issue = new(NatPmpAnomalyIds.UnsupportedVersion, "version " + version.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                issue = new(PcpAnomalyIds.BadVersion, "version " + version.ToString(CultureInfo.InvariantCulture));
                break;
        }
        if (message is not null) sink.OnEvent(message);
        if (!issue.IsNone) sink.OnAnomaly(issue.ToAnomaly(packet));
    }

    private static bool IsOurPort(ushort port) => port is ClientPort or ServerPort;
}
