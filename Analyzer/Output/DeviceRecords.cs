using Analyzer.Rules.Text;

namespace Analyzer.Output;

/// <summary>
/// The device inventory (<c>--devices</c>): one row per device. Lists are joined with "; " in CSV and are arrays in
/// JSON lines; banners and names come from the devices themselves and are untrusted.
/// </summary>
public static class DeviceRecords
{
    public const string EventType = "device";

    public static readonly RecordLayout<DeviceRow> Layout = new(EventType,
    [
        new("ip", r => Cell.Text(r.Device.Address.ToString()), EveEnvelope.SrcIp),
        new("mac", r => r.Device.Mac == 0 ? Cell.Empty : Cell.Text(MacText.Format(r.Device.Mac))),
        new("first_seen", r => Cell.Time(r.Device.FirstSeenUs), EveEnvelope.Timestamp),
        new("last_seen", r => Cell.Time(r.Device.LastSeenUs)),
        new("udn", r => Cell.List(r.Device.Udns)),
        new("server", r => Cell.List(r.Device.Servers)),
        new("user_agent", r => Cell.List(r.Device.UserAgents)),
        new("stack", r => Cell.Untrusted(r.Device.Stack?.Stack)),
        new("stack_version", r => Cell.Text(r.Device.Stack?.Version?.Text)),
        new("friendly_name", r => Cell.Untrusted(r.Device.FriendlyName)),
        new("manufacturer", r => Cell.Untrusted(r.Device.Manufacturer)),
        new("model", r => Cell.Untrusted(r.Device.Model)),
        new("device_types", r => Cell.List(r.Device.DeviceTypes)),
        new("services", r => Cell.List(r.Device.Services)),
        new("cves", r => Cell.List(r.Cves)),
        new("advisories", r => Cell.List(r.Advisories)),
        new("protocols", r => Cell.List(r.Device.Protocols)),
        new("location", r => Cell.List(r.Device.Locations)),
        new("file", r => Cell.Untrusted(r.File)),
    ]);

    public static string[] Columns => Layout.CsvHeader;
}
