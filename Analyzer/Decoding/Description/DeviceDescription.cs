using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Description;

/// <summary>
/// A UPnP device description document (the XML at an SSDP LOCATION): the root device and its embedded devices,
/// their services and URLs. Lists are capped (<see cref="MaxDevices"/>, <see cref="MaxServices"/>); counts are real.
/// </summary>
public sealed class DeviceDescription
{
    public const int MaxDevices = 16;
    public const int MaxServices = 32;

    public string? UrlBase { get; internal set; }
    public string? SpecVersion { get; internal set; }
    public List<UpnpDevice> Devices { get; } = [];
    public List<UpnpService> Services { get; } = [];
    public int DeviceCount { get; internal set; }
    public int ServiceCount { get; internal set; }
    public XmlEvidence Evidence { get; internal set; }

    public UpnpDevice? Root => Devices.Count > 0 ? Devices[0] : null;
}
