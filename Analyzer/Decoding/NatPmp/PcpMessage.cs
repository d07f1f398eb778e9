using System.Globalization;
using System.Text;
using Analyzer.Events;

namespace Analyzer.Decoding.NatPmp;

/// <summary>
/// One PCP message (RFC 6887). Requests carry <see cref="ClientAddress"/>, responses <see cref="ResultCode"/> and
/// <see cref="Epoch"/>. MAP and PEER fill the mapping fields, PEER also the remote peer. Error responses that stop
/// after the common header, and messages with an unknown opcode, have no opcode data and no options.
/// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d, §5) are held as IPv4.
/// </summary>
public sealed record PcpMessage(PacketInfo Packet) : AnalyzerEvent(Packet)
{
    public byte Version { get; init; }
    /// <summary>The 7-bit opcode, without the R bit.</summary>
    public byte Opcode { get; init; }
    /// <summary>The R bit.</summary>
    public bool IsResponse { get; init; }
    public byte? ResultCode { get; init; }
    /// <summary>Requested lifetime in a request, granted lifetime in a response, in seconds.</summary>
    public uint Lifetime { get; init; }
    public NetAddress? ClientAddress { get; init; }
    /// <summary>The server's epoch time in seconds (responses).</summary>
    public uint? Epoch { get; init; }
    /// <summary>The 96-bit mapping nonce as 24 lower-case hex digits (MAP and PEER).</summary>
    public string? Nonce { get; init; }
    /// <summary>IANA protocol number; 0 means all protocols.</summary>
    public byte? ProtocolNumber { get; init; }
    public ushort? InternalPort { get; init; }
    /// <summary>Suggested external port in a request, assigned external port in a response.</summary>
    public ushort? ExternalPort { get; init; }
    /// <summary>Suggested external address in a request, assigned external address in a response.</summary>
    public NetAddress? ExternalAddress { get; init; }
    public ushort? RemotePort { get; init; }
    public NetAddress? RemoteAddress { get; init; }
    public IReadOnlyList<PcpOption> Options { get; init; } = [];

    public override string Protocol => ProtocolNames.Pcp;

    public bool IsKnownOpcode => Enum.IsDefined((PcpOpcode)Opcode);

    public override string Message => NameOf(Opcode, IsResponse);

    /// <summary>The message name for an opcode and R bit; unknown opcodes become <c>Opcode&lt;N&gt;Request/Response</c>.</summary>
    public static string NameOf(byte opcode, bool isResponse) => ((PcpOpcode)opcode, isResponse) switch
    {
        (PcpOpcode.Announce, false) => "AnnounceRequest",
        (PcpOpcode.Announce, true) => "AnnounceResponse",
        (PcpOpcode.Map, false) => "MapRequest",
        (PcpOpcode.Map, true) => "MapResponse",
        (PcpOpcode.Peer, false) => "PeerRequest",
        (PcpOpcode.Peer, true) => "PeerResponse",
        (_, false) => $"Opcode{opcode}Request",
        (_, true) => $"Opcode{opcode}Response",
    };

    /// <summary>The result code's name as RFC 6887 §7.4 writes it, e.g. <c>NOT_AUTHORIZED</c>.</summary>
    public string? ResultName => ResultCode switch
    {
        null => null,
        0 => "SUCCESS",
        1 => "UNSUPP_VERSION",
        2 => "NOT_AUTHORIZED",
        3 => "MALFORMED_REQUEST",
        4 => "UNSUPP_OPCODE",
        5 => "UNSUPP_OPTION",
        6 => "MALFORMED_OPTION",
        7 => "NETWORK_FAILURE",
        8 => "NO_RESOURCES",
        9 => "UNSUPP_PROTOCOL",
        10 => "USER_EX_QUOTA",
        11 => "CANNOT_PROVIDE_EXTERNAL",
        12 => "ADDRESS_MISMATCH",
        13 => "EXCESSIVE_REMOTE_PEERS",
        _ => "UNKNOWN",
    };

    public override IEnumerable<KeyValuePair<string, string>> Fields()
    {
        var inv = CultureInfo.InvariantCulture;
        yield return new("version", Version.ToString(inv));
        yield return new("opcode", Opcode.ToString(inv));
        if (ResultCode is { } result)
        {
            yield return new("result_code", result.ToString(inv));
            yield return new("result", ResultName!);
        }
        if (Epoch is { } epoch) yield return new("epoch", epoch.ToString(inv));
        yield return new("lifetime", Lifetime.ToString(inv));
        if (InternalPort is { } internalPort) yield return new("internal_port", internalPort.ToString(inv));
        if (ExternalPort is { } externalPort) yield return new("external_port", externalPort.ToString(inv));
        if (ExternalAddress is { } externalAddress) yield return new("external_address", externalAddress.ToString());
        if (ClientAddress is { } clientAddress) yield return new("client_address", clientAddress.ToString());
        if (Nonce is not null) yield return new("nonce", Nonce);
        if (ProtocolNumber is { } protocol) yield return new("protocol", protocol.ToString(inv));
        if (RemotePort is { } remotePort) yield return new("remote_port", remotePort.ToString(inv));
        if (RemoteAddress is { } remoteAddress) yield return new("remote_address", remoteAddress.ToString());
        if (IsKnownOpcode) yield return new("options", Options.Count.ToString(inv));

        // One field per option kind, in order of first appearance; repeats (several FILTERs are legal in a MAP
        // request) are joined so that no field name occurs twice.
        for (int i = 0; i < Options.Count; i++)
        {
            if (IndexOfCode(Options[i].Code) != i) continue;
            var value = new StringBuilder(Options[i].ValueText);
            for (int j = i + 1; j < Options.Count; j++)
            {
                if (Options[j].Code == Options[i].Code) value.Append("; ").Append(Options[j].ValueText);
            }
            yield return new(Options[i].FieldName, value.ToString());
        }
    }

    private int IndexOfCode(byte code)
    {
        for (int i = 0; i < Options.Count; i++)
        {
            if (Options[i].Code == code) return i;
        }
        return -1;
    }
}
