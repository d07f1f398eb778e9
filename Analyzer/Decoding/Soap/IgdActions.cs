using System.Collections.Frozen;

namespace Analyzer.Decoding.Soap;

/// <summary>
/// The actions of the Internet Gateway Device control services and their input arguments, from the UPnP Forum
/// service templates: WANIPConnection:1 and :2, WANPPPConnection:1, WANIPv6FirewallControl:1, Layer3Forwarding:1.
/// A request that leaves out an input argument is malformed — and the kind of request that crashed miniupnpd
/// (CVE-2019-12108/12109/12110).
/// </summary>
public static class IgdActions
{
    private static readonly string[] None = [];

    private static readonly string[] PortMappingKey = ["NewRemoteHost", "NewExternalPort", "NewProtocol"];

    private static readonly string[] PortMappingAdd =
    [
        "NewRemoteHost", "NewExternalPort", "NewProtocol", "NewInternalPort", "NewInternalClient", "NewEnabled",
        "NewPortMappingDescription", "NewLeaseDuration",
    ];

    private static readonly string[] PinholeKey = ["RemoteHost", "RemotePort", "InternalClient", "InternalPort", "Protocol"];

    // Shared by WANIPConnection and WANPPPConnection.
    private static readonly Dictionary<string, string[]> ConnectionActions = new()
    {
        ["SetConnectionType"] = ["NewConnectionType"],
        ["GetConnectionTypeInfo"] = None,
        ["RequestConnection"] = None,
        ["RequestTermination"] = None,
        ["ForceTermination"] = None,
        ["SetAutoDisconnectTime"] = ["NewAutoDisconnectTime"],
        ["SetIdleDisconnectTime"] = ["NewIdleDisconnectTime"],
        ["SetWarnDisconnectDelay"] = ["NewWarnDisconnectDelay"],
        ["GetStatusInfo"] = None,
        ["GetAutoDisconnectTime"] = None,
        ["GetIdleDisconnectTime"] = None,
        ["GetWarnDisconnectDelay"] = None,
        ["GetNATRSIPStatus"] = None,
        ["GetGenericPortMappingEntry"] = ["NewPortMappingIndex"],
        ["GetSpecificPortMappingEntry"] = PortMappingKey,
        ["AddPortMapping"] = PortMappingAdd,
        ["DeletePortMapping"] = PortMappingKey,
        ["GetExternalIPAddress"] = None,
    };

    private static readonly FrozenDictionary<(string Service, string Action), string[]> Table = Build();

    /// <summary>
    /// The input arguments of <paramref name="action"/> of a standard IGD service, or false when the service is not
    /// one of them or the action is not one of its actions.
    /// </summary>
    public static bool TryGetInputs(UpnpServiceType service, string action, out string[] inputs)
    {
        inputs = None;
        return service.IsStandard && Table.TryGetValue((service.Type, action), out inputs!);
    }

    /// <summary>True when the service is one of the IGD control services this table covers.</summary>
    public static bool Covers(UpnpServiceType service) =>
        service.IsStandard && service.Type is "WANIPConnection" or "WANPPPConnection" or "WANIPv6FirewallControl" or "Layer3Forwarding";

    /// <summary>Input arguments of the action that <paramref name="present"/> does not contain.</summary>
    public static List<string> Missing(string[] inputs, Func<string, bool> present)
    {
        var missing = new List<string>();
        foreach (var name in inputs)
            if (!present(name)) missing.Add(name);
        return missing;
    }

    private static FrozenDictionary<(string, string), string[]> Build()
    {
        var table = new Dictionary<(string, string), string[]>();
        foreach (var (action, inputs) in ConnectionActions)
        {
            table[("WANIPConnection", action)] = inputs;
            table[("WANPPPConnection", action)] = inputs;
        }

        // WANIPConnection:2 additions.
        table[("WANIPConnection", "AddAnyPortMapping")] = PortMappingAdd;
        table[("WANIPConnection", "DeletePortMappingRange")] = ["NewStartPort", "NewEndPort", "NewProtocol", "NewManage"];
        table[("WANIPConnection", "GetListOfPortMappings")] =
            ["NewStartPort", "NewEndPort", "NewProtocol", "NewManage", "NewNumberOfPorts"];

        // WANPPPConnection:1 only.
        table[("WANPPPConnection", "ConfigureConnection")] = ["NewUserName", "NewPassword"];
        foreach (var getter in new[]
                 {
                     "GetLinkLayerMaxBitRates", "GetPPPEncryptionProtocol", "GetPPPCompressionProtocol",
                     "GetPPPAuthenticationProtocol", "GetUserName", "GetPassword",
                 })
            table[("WANPPPConnection", getter)] = None;

        table[("WANIPv6FirewallControl", "GetFirewallStatus")] = None;
        table[("WANIPv6FirewallControl", "GetOutboundPinholeTimeout")] = PinholeKey;
        table[("WANIPv6FirewallControl", "AddPinhole")] = [.. PinholeKey, "LeaseTime"];
        table[("WANIPv6FirewallControl", "UpdatePinhole")] = ["UniqueID", "NewLeaseTime"];
        table[("WANIPv6FirewallControl", "DeletePinhole")] = ["UniqueID"];
        table[("WANIPv6FirewallControl", "GetPinholePackets")] = ["UniqueID"];
        table[("WANIPv6FirewallControl", "CheckPinholeWorking")] = ["UniqueID"];

        table[("Layer3Forwarding", "SetDefaultConnectionService")] = ["NewDefaultConnectionService"];
        table[("Layer3Forwarding", "GetDefaultConnectionService")] = None;
        return table.ToFrozenDictionary();
    }
}
