namespace Analyzer.Decoding.Description;

/// <summary>A service of a described device, with the URLs a control point uses to reach it.</summary>
public sealed class UpnpService
{
    /// <summary>Index of the device (in <see cref="DeviceDescription.Devices"/>) that offers the service.</summary>
    public int Device { get; internal set; }
    public string? ServiceType { get; internal set; }
    public string? ServiceId { get; internal set; }
    public string? ScpdUrl { get; internal set; }
    public string? ControlUrl { get; internal set; }
    public string? EventSubUrl { get; internal set; }
}
