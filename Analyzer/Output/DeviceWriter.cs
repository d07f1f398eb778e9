using Analyzer.Inventory;

namespace Analyzer.Output;

/// <summary>Writes the device inventory (<c>--devices</c>, <see cref="DeviceRecords"/>) once, at the end of the run.</summary>
public static class DeviceWriter
{
    public static void Write(string path, DeviceInventory inventory, string? file = null, OutputFormat format = OutputFormat.Csv)
    {
        using var writer = RecordWriters.Open(path, DeviceRecords.Layout, format, flushEachRow: false);
        foreach (var d in inventory.Devices)
            writer.Write(DeviceRow.Of(d, file));
    }
}
