using System.Globalization;
using Analyzer.Decoding;
using Analyzer.Decoding.Soap;

namespace Analyzer.Mapping;

/// <summary>
/// IGD SOAP actions as mapping requests: WANIPConnection / WANPPPConnection AddPortMapping, AddAnyPortMapping,
/// DeletePortMapping, DeletePortMappingRange, and WANIPv6FirewallControl AddPinhole, UpdatePinhole, DeletePinhole.
/// A SOAP answer is tied to its request by the decoder; the key names the request's exchange.
/// </summary>
public static class IgdMappings
{
    public static bool IsConnectionService(string? serviceType) =>
        UpnpServiceType.TryParse(serviceType, out var s) && s.Type is "WANIPConnection" or "WANPPPConnection";

    public static bool IsFirewallService(string? serviceType) =>
        UpnpServiceType.TryParse(serviceType, out var s) && s.Type == "WANIPv6FirewallControl";

    /// <summary>
    /// The mapping an IGD action name asks for, whichever service it was sent to (<see cref="TryRequest"/> also
    /// checks the service); null for an action that is no mapping request. The one table of IGD mapping actions.
    /// </summary>
    public static MappingAction? ActionOf(string? action) => action switch
    {
        "AddPortMapping" => MappingAction.Add,
        "AddAnyPortMapping" => MappingAction.AddAny,
        "DeletePortMapping" => MappingAction.Delete,
        "DeletePortMappingRange" => MappingAction.DeleteRange,
        "AddPinhole" => MappingAction.AddPinhole,
        "UpdatePinhole" => MappingAction.UpdatePinhole,
        "DeletePinhole" => MappingAction.DeletePinhole,
        _ => null,
    };

    /// <summary>The action creates a mapping or pinhole (renewals included); <see cref="MappingAction.UpdatePinhole"/> does not.</summary>
    public static bool IsAdd(MappingAction action) => action is MappingAction.Add or MappingAction.AddAny or MappingAction.AddPinhole;

    public static bool IsDelete(MappingAction action) =>
        action is MappingAction.Delete or MappingAction.DeleteRange or MappingAction.DeleteAll or MappingAction.DeletePinhole;

    private static bool IsPinhole(MappingAction action) =>
        action is MappingAction.AddPinhole or MappingAction.UpdatePinhole or MappingAction.DeletePinhole;

    public static bool TryRequest(SoapRequest r, out MappingRequest request, out MappingKey key)
    {
        request = null!;
        key = Key(r);
        var action = ActionOf(r.Action) is { } named
            && (IsPinhole(named) ? IsFirewallService(r.ServiceType) : IsConnectionService(r.ServiceType)) ? named : (MappingAction?)null;
        if (action is not { } a) return false;
        bool pinhole = IsPinhole(a);
        var clientText = (pinhole ? r.Argument("InternalClient") : r.Argument("NewInternalClient"))?.Trim();
        request = new MappingRequest
        {
            Packet = r.Packet,
            Method = MappingMethod.Igd,
            Action = a,
            ActionName = r.Action,
            Transport = pinhole ? MappingEvents.TransportName(Byte(r.Argument("Protocol"))) : Transport(r.Argument("NewProtocol")),
            ExternalPort = a == MappingAction.DeleteRange ? Port(r.Argument("NewStartPort")) : Port(r.Argument("NewExternalPort")),
            ExternalPortEnd = a == MappingAction.DeleteRange ? Port(r.Argument("NewEndPort")) : null,
            InternalClientText = string.IsNullOrEmpty(clientText) ? null : clientText,
            InternalClient = TryAddress(clientText, out var client) ? client : null,
            InternalPort = Port(pinhole ? r.Argument("InternalPort") : r.Argument("NewInternalPort")),
            LeaseSeconds = Seconds(a switch
            {
                MappingAction.AddPinhole => r.Argument("LeaseTime"),
                MappingAction.UpdatePinhole => r.Argument("NewLeaseTime"),
                _ => r.Argument("NewLeaseDuration"),
            }),
            Description = r.Argument("NewPortMappingDescription"),
            RemoteHost = pinhole ? r.Argument("RemoteHost") : r.Argument("NewRemoteHost"),
            Malformed = r.Evidence.Any || r.MissingArguments is { Count: > 0 },
        };
        return true;
    }

    public static bool TryResponse(SoapResponse r, out MappingResponse response, out MappingKey key)
    {
        response = null!;
        key = default;
        if (r.Request is not { } request || !TryRequest(request, out _, out key)) return false;
        bool success = !r.IsFault && r.Status is >= 200 and < 300;
        response = new MappingResponse
        {
            Packet = r.Packet,
            Method = MappingMethod.Igd,
            Success = success,
            Code = success ? null : int.TryParse(r.UpnpErrorCode, NumberStyles.Integer, CultureInfo.InvariantCulture, out int code) ? code : r.Status,
            CodeName = success ? null : r.UpnpErrorDescription ?? r.FaultString,
            ExternalPort = Port(r.Argument("NewReservedPort")),
        };
        return true;
    }

    private static MappingKey Key(SoapRequest r) =>
        new(MappingMethod.Igd, r.Packet.Dst, r.Packet.Src, r.Packet.SrcPort,
            string.Create(CultureInfo.InvariantCulture, $"{r.Packet.TimestampUs}/{r.Packet.FrameNumber}"));

    private static string Transport(string? protocol) => protocol?.Trim().ToLowerInvariant() ?? "";

    private static ushort? Port(string? text) =>
        ushort.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;

    private static byte? Byte(string? text) =>
        byte.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;

    private static uint? Seconds(string? text) =>
        uint.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;

    /// <summary>
    /// The text is a full IP literal. "1" and "1.2" parse as IPv4 shorthands elsewhere; NewInternalClient must be
    /// written out.
    /// </summary>
    public static bool TryAddress(string? text, out NetAddress address) => NetAddress.TryParseLiteral(text, out address);
}
