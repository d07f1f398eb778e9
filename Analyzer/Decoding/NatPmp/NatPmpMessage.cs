using System.Globalization;
using Analyzer.Events;

namespace Analyzer.Decoding.NatPmp;

/// <summary>
/// One NAT-PMP message (RFC 6886). Fields a message kind does not carry are null: requests have no result code or
/// epoch; External Address messages have no ports; error responses may stop after the epoch.
/// </summary>
public sealed record NatPmpMessage(PacketInfo Packet) : AnalyzerEvent(Packet)
{
    public byte Version { get; init; }
    /// <summary>The opcode byte as sent (<see cref="NatPmpOpcode"/>): 0–2 requests, 128–130 their responses.</summary>
    public byte Opcode { get; init; }
    public bool IsResponse => Opcode >= NatPmpFields.ResponseBit;
    public ushort? ResultCode { get; init; }
    /// <summary>Seconds since the gateway's mapping table started (or was reset).</summary>
    public uint? Epoch { get; init; }
    public ushort? InternalPort { get; init; }
    /// <summary>Suggested external port in a request, mapped external port in a response.</summary>
    public ushort? ExternalPort { get; init; }
    /// <summary>Requested or granted mapping lifetime in seconds; 0 in a request deletes the mapping.</summary>
    public uint? Lifetime { get; init; }
    public NetAddress? ExternalAddress { get; init; }

    public override string Protocol => ProtocolNames.NatPmp;

    public override string Message => NameOf(Opcode);

    /// <summary>The message name for an opcode byte; unknown ones become <c>Opcode&lt;N&gt;Request/Response</c>.</summary>
    public static string NameOf(byte opcode) => (NatPmpOpcode)opcode switch
    {
        NatPmpOpcode.ExternalAddressRequest => nameof(NatPmpOpcode.ExternalAddressRequest),
        NatPmpOpcode.MapUdpRequest => nameof(NatPmpOpcode.MapUdpRequest),
        NatPmpOpcode.MapTcpRequest => nameof(NatPmpOpcode.MapTcpRequest),
        NatPmpOpcode.ExternalAddressResponse => nameof(NatPmpOpcode.ExternalAddressResponse),
        NatPmpOpcode.MapUdpResponse => nameof(NatPmpOpcode.MapUdpResponse),
        NatPmpOpcode.MapTcpResponse => nameof(NatPmpOpcode.MapTcpResponse),
        _ when opcode >= NatPmpFields.ResponseBit => $"Opcode{opcode}Response",
        _ => $"Opcode{opcode}Request",
    };

    public bool IsKnownOpcode => Enum.IsDefined((NatPmpOpcode)Opcode);

    /// <summary>The result code's name (a <see cref="NatPmpResultCode"/> member), <c>Unknown</c> past the defined ones.</summary>
    public string? ResultName => ResultCode is { } code ? NameOfResult(code) : null;

    public static string NameOfResult(ushort code) => (NatPmpResultCode)code switch
    {
        NatPmpResultCode.Success => nameof(NatPmpResultCode.Success),
        NatPmpResultCode.UnsupportedVersion => nameof(NatPmpResultCode.UnsupportedVersion),
        NatPmpResultCode.NotAuthorized => nameof(NatPmpResultCode.NotAuthorized),
        NatPmpResultCode.NetworkFailure => nameof(NatPmpResultCode.NetworkFailure),
        NatPmpResultCode.OutOfResources => nameof(NatPmpResultCode.OutOfResources),
        NatPmpResultCode.UnsupportedOpcode => nameof(NatPmpResultCode.UnsupportedOpcode),
        _ => "Unknown",
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
        if (Lifetime is { } lifetime) yield return new("lifetime", lifetime.ToString(inv));
        if (InternalPort is { } internalPort) yield return new("internal_port", internalPort.ToString(inv));
        if (ExternalPort is { } externalPort) yield return new("external_port", externalPort.ToString(inv));
        if (ExternalAddress is { } address) yield return new("external_address", address.ToString());
    }
}
