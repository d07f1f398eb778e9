using Analyzer.Inventory;

namespace Analyzer.Output;

/// <summary>One row of the device inventory: a device, its known vulnerabilities, and the captures it was seen in.</summary>
public readonly record struct DeviceRow(DeviceRecord Device, IReadOnlyList<string> Cves, IReadOnlyList<string> Advisories, string? File)
{
    public static DeviceRow Of(DeviceRecord device, string? file)
    {
        var (cves, advisories) = device.Vulnerabilities();
        return new(device, cves, advisories, file);
    }
}
