using System.Globalization;

namespace Analyzer.Generation.Messages;

/// <summary>The arguments of an IGD port mapping (WANIPConnection AddPortMapping), as the text that goes on the wire.</summary>
/// <param name="InternalClient">Kept as text: exploits put commands where an IPv4 literal belongs.</param>
public sealed record PortMapping(
    ushort ExternalPort,
    string Protocol,
    ushort InternalPort,
    string InternalClient,
    string Description,
    uint LeaseDuration,
    string RemoteHost = "",
    bool Enabled = true)
{
    /// <summary>AddPortMapping's eight arguments in the order the service description lists them.</summary>
    public IEnumerable<(string, string)> AddArguments(bool withDescription = true)
    {
        yield return ("NewRemoteHost", RemoteHost);
        yield return ("NewExternalPort", ExternalPort.ToString(CultureInfo.InvariantCulture));
        yield return ("NewProtocol", Protocol);
        yield return ("NewInternalPort", InternalPort.ToString(CultureInfo.InvariantCulture));
        yield return ("NewInternalClient", InternalClient);
        yield return ("NewEnabled", Enabled ? "1" : "0");
        if (withDescription) yield return ("NewPortMappingDescription", Description);
        yield return ("NewLeaseDuration", LeaseDuration.ToString(CultureInfo.InvariantCulture));
    }

    public IEnumerable<(string, string)> KeyArguments()
    {
        yield return ("NewRemoteHost", RemoteHost);
        yield return ("NewExternalPort", ExternalPort.ToString(CultureInfo.InvariantCulture));
        yield return ("NewProtocol", Protocol);
    }

    /// <summary>GetGenericPortMappingEntry's response arguments for this entry.</summary>
    public IEnumerable<(string, string)> EntryArguments()
    {
        foreach (var argument in AddArguments()) yield return argument;
    }

    /// <summary>GetSpecificPortMappingEntry's response arguments (the key is in the request).</summary>
    public IEnumerable<(string, string)> SpecificEntryArguments()
    {
        yield return ("NewInternalPort", InternalPort.ToString(CultureInfo.InvariantCulture));
        yield return ("NewInternalClient", InternalClient);
        yield return ("NewEnabled", Enabled ? "1" : "0");
        yield return ("NewPortMappingDescription", Description);
        yield return ("NewLeaseDuration", LeaseDuration.ToString(CultureInfo.InvariantCulture));
    }
}
