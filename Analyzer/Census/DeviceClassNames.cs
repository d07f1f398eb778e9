namespace Analyzer.Census;

public static class DeviceClassNames
{
    public static string Name(this DeviceClass c) => c switch
    {
        DeviceClass.Gateway => "gateway",
        DeviceClass.Media => "media renderer/server",
        DeviceClass.CastDial => "Cast/DIAL",
        DeviceClass.Camera => "camera",
        DeviceClass.Printer => "printer",
        DeviceClass.Nas => "NAS",
        DeviceClass.PcPhone => "PC/phone",
        DeviceClass.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };
}
