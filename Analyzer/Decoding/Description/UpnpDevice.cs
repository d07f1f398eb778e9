namespace Analyzer.Decoding.Description;

/// <summary>One device of a description (UDA 2.0 §2.3): the root device is index 0, embedded devices follow in document order.</summary>
public sealed class UpnpDevice
{
    /// <summary>Index of the device that embeds this one; -1 for the root device.</summary>
    public int Parent { get; internal set; } = -1;
    public string? DeviceType { get; internal set; }
    public string? FriendlyName { get; internal set; }
    public string? Manufacturer { get; internal set; }
    public string? ManufacturerUrl { get; internal set; }
    public string? ModelDescription { get; internal set; }
    public string? ModelName { get; internal set; }
    public string? ModelNumber { get; internal set; }
    public string? ModelUrl { get; internal set; }
    public string? SerialNumber { get; internal set; }
    public string? Udn { get; internal set; }
    public string? PresentationUrl { get; internal set; }

    /// <summary>Most icon URLs kept for one device; real devices list two to six sizes.</summary>
    public const int MaxIcons = 8;

    /// <summary>The <c>url</c> of each icon in the device's iconList, as written (usually relative).</summary>
    public List<string> IconUrls { get; } = [];
}
