using Analyzer.Generation.Packets;

namespace Analyzer.Generation.Network;

/// <summary>
/// A device of the home network with its UPnP identity: what it puts in SSDP and HTTP (<see cref="Server"/>), what
/// it sends as a control point (<see cref="UserAgent"/>), and where its description lives.
/// </summary>
/// <param name="DeviceType">The root device type it advertises, e.g. <c>urn:schemas-upnp-org:device:MediaRenderer:1</c>; null for pure control points.</param>
/// <param name="DescriptionPort">TCP port of its description server (0 when it has none).</param>
/// <param name="Services">Service types it advertises (SSDP NT values).</param>
public sealed record Device(
    DeviceKind Kind,
    NetHost Host,
    string FriendlyName,
    string Manufacturer,
    string ModelName,
    Guid Uuid,
    string? Server,
    string UserAgent,
    string? DeviceType,
    ushort DescriptionPort,
    string DescriptionPath,
    IReadOnlyList<string> Services)
{
    public string Udn => $"uuid:{Uuid}";

    public string Location(bool ipv6 = false) => ipv6 && Host.Ipv6 is not null
        ? $"http://[{Host.Ipv6}]:{DescriptionPort}{DescriptionPath}"
        : $"http://{Host.Ipv4}:{DescriptionPort}{DescriptionPath}";

    public override string ToString() => $"{Kind} {Host.Ipv4}";
}
