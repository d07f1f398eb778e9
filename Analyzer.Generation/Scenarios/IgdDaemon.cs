using System.Globalization;
using System.Net;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Network;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// The router's IGD as a state machine: a port-mapping table and the answers a real daemon gives, so that
/// enumeration ends in fault 713 after the last real entry, duplicates draw 718, and a miniupnpd in secure mode
/// refuses mappings for another host or for ports below 1024 (its default permission rules) with 718.
/// </summary>
public sealed class IgdDaemon(HomeNetwork network)
{
    /// <summary>Entries a home router's table holds by default before it answers 728 NoPortMapsAvailable.</summary>
    public const int DefaultCapacity = 64;
    private readonly List<PortMapping> _table = new();

    public IReadOnlyList<PortMapping> Table => _table;

    /// <summary>
    /// Whether mappings for another host or for ports below 1024 are refused. Starts as the profile says; scenarios
    /// about routers exposed to the Internet turn it off, since such routers run old or careless configurations.
    /// </summary>
    public bool SecureMode { get; set; } = network.Igd.SecureMode;

    /// <summary>Table size after which AddPortMapping fails with 728.</summary>
    public int Capacity { get; set; } = DefaultCapacity;

    /// <summary>The SOAP answer (body and whether it is a fault) to one action from <paramref name="requester"/>.</summary>
    public (string Body, bool Fault) Handle(string action, IReadOnlyList<(string Name, string Value)> args, IPAddress requester)
    {
        string service = network.Igd.ServiceType;
        string Arg(string name) => args.FirstOrDefault(a => a.Name == name).Value ?? "";
        (string, bool) Ok(params (string, string)[] results) => (SoapMessages.ResponseBody(service, action, results), false);
        (string, bool) Fault(UpnpError error) => (SoapMessages.FaultBody(error), true);

        switch (action)
        {
            case "GetExternalIPAddress":
                return Ok(("NewExternalIPAddress", network.RouterWan.Ipv4.ToString()));
            case "GetStatusInfo":
                return Ok(("NewConnectionStatus", "Connected"), ("NewLastConnectionError", "ERROR_NONE"), ("NewUptime", "86233"));
            case "AddPortMapping":
            case "AddAnyPortMapping":
            {
                if (!args.Any(a => a.Name == "NewPortMappingDescription") || !TryMapping(args, out var mapping))
                    return Fault(UpnpError.InvalidArgs);
                if (SecureMode && (!IPAddress.TryParse(mapping.InternalClient, out var client)
                        || !client.Equals(requester) || mapping.InternalPort < 1024 || mapping.ExternalPort < 1024))
                    return Fault(UpnpError.ConflictInMappingEntry);
                int existing = _table.FindIndex(m => m.ExternalPort == mapping.ExternalPort && m.Protocol == mapping.Protocol);
                if (existing >= 0 && _table[existing].InternalClient != mapping.InternalClient)
                {
                    if (action == "AddPortMapping") return Fault(UpnpError.ConflictInMappingEntry);
                    mapping = mapping with { ExternalPort = FreePort(mapping.ExternalPort, mapping.Protocol) };
                }
                else if (existing >= 0)
                {
                    _table.RemoveAt(existing);
                }
                if (_table.Count >= Capacity) return Fault(UpnpError.NoPortMapsAvailable);
                _table.Add(mapping);
                return action == "AddAnyPortMapping"
                    ? Ok(("NewReservedPort", mapping.ExternalPort.ToString(CultureInfo.InvariantCulture)))
                    : Ok();
            }
            case "DeletePortMapping":
            {
                int index = _table.FindIndex(m => m.ExternalPort.ToString(CultureInfo.InvariantCulture) == Arg("NewExternalPort")
                    && m.Protocol == Arg("NewProtocol"));
                if (index < 0) return Fault(UpnpError.NoSuchEntryInArray);
                if (SecureMode && _table[index].InternalClient != requester.ToString())
                    return Fault(UpnpError.NotAuthorized);
                _table.RemoveAt(index);
                return Ok();
            }
            case "GetGenericPortMappingEntry":
            {
                if (!int.TryParse(Arg("NewPortMappingIndex"), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                    || index >= _table.Count)
                    return Fault(UpnpError.SpecifiedArrayIndexInvalid);
                return Ok(_table[index].EntryArguments().ToArray());
            }
            case "GetSpecificPortMappingEntry":
            {
                var entry = _table.FirstOrDefault(m => m.ExternalPort.ToString(CultureInfo.InvariantCulture) == Arg("NewExternalPort")
                    && m.Protocol == Arg("NewProtocol"));
                return entry is null ? Fault(UpnpError.NoSuchEntryInArray) : Ok(entry.SpecificEntryArguments().ToArray());
            }
            default:
                return Fault(UpnpError.InvalidAction);
        }
    }

    /// <summary>Puts a mapping in the table without a SOAP exchange (one made before the capture started).</summary>
    public void Preload(PortMapping mapping) => _table.Add(mapping);

    private ushort FreePort(ushort wanted, string protocol)
    {
        ushort port = wanted;
        while (_table.Any(m => m.ExternalPort == port && m.Protocol == protocol)) port = (ushort)(port == 65535 ? 1024 : port + 1);
        return port;
    }

    private static bool TryMapping(IReadOnlyList<(string Name, string Value)> args, out PortMapping mapping)
    {
        string Arg(string name) => args.FirstOrDefault(a => a.Name == name).Value ?? "";
        mapping = null!;
        if (!ushort.TryParse(Arg("NewExternalPort"), NumberStyles.None, CultureInfo.InvariantCulture, out ushort external)
            || !ushort.TryParse(Arg("NewInternalPort"), NumberStyles.None, CultureInfo.InvariantCulture, out ushort internalPort)
            || !uint.TryParse(Arg("NewLeaseDuration"), NumberStyles.None, CultureInfo.InvariantCulture, out uint lease)
            || Arg("NewProtocol") is not ("TCP" or "UDP")
            || !IPAddress.TryParse(Arg("NewInternalClient"), out _))
            return false;
        mapping = new PortMapping(external, Arg("NewProtocol"), internalPort, Arg("NewInternalClient"),
            Arg("NewPortMappingDescription"), lease, Arg("NewRemoteHost"), Arg("NewEnabled") != "0");
        return true;
    }
}
