namespace Analyzer.Census;

/// <summary>The census classes of the UPnP census studies: what kind of device a UPnP-speaking host is.</summary>
public enum DeviceClass : byte
{
    Gateway,
    Media,
    CastDial,
    Camera,
    Printer,
    Nas,
    PcPhone,
    Unknown,
}
