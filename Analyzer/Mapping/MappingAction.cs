namespace Analyzer.Mapping;

/// <summary>What a mapping request asks for, whatever the protocol.</summary>
public enum MappingAction : byte
{
    /// <summary>Create or renew a mapping (IGD AddPortMapping, NAT-PMP/PCP MAP with a lifetime).</summary>
    Add,
    /// <summary>IGD AddAnyPortMapping: the gateway picks the external port.</summary>
    AddAny,
    /// <summary>Remove one mapping (IGD DeletePortMapping, NAT-PMP/PCP MAP with lifetime 0).</summary>
    Delete,
    /// <summary>IGD DeletePortMappingRange.</summary>
    DeleteRange,
    /// <summary>NAT-PMP lifetime 0 and internal port 0: every mapping of the host for the transport.</summary>
    DeleteAll,
    /// <summary>PCP PEER: a mapping for one remote peer.</summary>
    Peer,
    /// <summary>IGD WANIPv6FirewallControl AddPinhole / UpdatePinhole / DeletePinhole.</summary>
    AddPinhole,
    UpdatePinhole,
    DeletePinhole,
}
