using Analyzer.Output;
using Analyzer.Rules.Text;

namespace Analyzer.Inventory;

/// <summary>
/// Writes the device inventory (<c>--devices</c>): one row per device, lists joined with "; ". Banners and names
/// come from the devices themselves and are cleaned and capped by <see cref="CsvText"/>.
/// </summary>
public static class DeviceCsvWriter
{
    /// <summary>The column contract, in order.</summary>
    public static readonly string[] Columns =
    [
        "ip", "mac", "first_seen", "last_seen", "udn", "server", "user_agent", "stack", "stack_version",
        "friendly_name", "manufacturer", "model", "device_types", "services", "cves", "advisories", "protocols", "location", "file",
    ];

    public const string ListSeparator = "; ";

    public static void Write(string path, DeviceInventory inventory, string? file = null)
    {
        using var csv = CsvOutput.Open(path);
        csv.WriteRecord(Columns);
        foreach (var d in inventory.Devices)
        {
            var stack = d.Stack;
            var (cves, advisories) = d.Vulnerabilities();
            csv.WriteField(d.Address.ToString());
            csv.WriteField(MacText.Format(d.Mac));
            csv.WriteField(Timestamp.Format(d.FirstSeenUs));
            csv.WriteField(Timestamp.Format(d.LastSeenUs));
            csv.WriteField(Join(d.Udns));
            csv.WriteField(Join(d.Servers));
            csv.WriteField(Join(d.UserAgents));
            csv.WriteField(CsvText.Clean(stack?.Stack));
            csv.WriteField(stack?.Version?.Text ?? "");
            csv.WriteField(CsvText.Clean(d.FriendlyName));
            csv.WriteField(CsvText.Clean(d.Manufacturer));
            csv.WriteField(CsvText.Clean(d.Model));
            csv.WriteField(Join(d.DeviceTypes));
            csv.WriteField(Join(d.Services));
            csv.WriteField(string.Join(ListSeparator, cves));
            csv.WriteField(string.Join(ListSeparator, advisories));
            csv.WriteField(string.Join(ListSeparator, d.Protocols));
            csv.WriteField(Join(d.Locations));
            csv.WriteField(CsvText.Clean(file));
            csv.EndRecord();
        }
    }

    private static string Join(IEnumerable<string> values) => CsvText.Clean(string.Join(ListSeparator, values));
}
