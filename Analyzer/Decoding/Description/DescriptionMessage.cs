using Analyzer.Decoding.Http;
using Analyzer.Events;

namespace Analyzer.Decoding.Description;

/// <summary>
/// A UPnP device description fetched over HTTP (usually the GET of an SSDP LOCATION), reported with its response.
/// Fields: status, location (http://host/path as requested, to link with SSDP), host, path, request_frame, server,
/// application_url (DIAL), spec_version, url_base, the root device (device_type, friendly_name, manufacturer,
/// manufacturer_url, model_name, model_number, model_description, model_url, serial_number, udn,
/// presentation_url), embedded devices as device_&lt;i&gt;_*, services as service_&lt;i&gt;_type / _id / _scpd_url /
/// _control_url / _event_sub_url / _device, devices_total, services_total, XML evidence, body_len.
/// </summary>
public sealed record DescriptionMessage(PacketInfo Packet) : AnalyzerEvent(Packet)
{
    public override string Protocol => ProtocolNames.Description;
    public override string Message => "DESCRIPTION";

    public required int Status { get; init; }
    /// <summary>The URL that was fetched, rebuilt from the request's Host header (or the server address) and path.</summary>
    public required string Location { get; init; }
    public string? Host { get; init; }
    public required string Path { get; init; }
    public long? RequestFrame { get; init; }
    public string? Server { get; init; }
    public string? ApplicationUrl { get; init; }
    public required DeviceDescription Description { get; init; }
    public long BodyLength { get; init; }
    public bool BodyTruncated { get; init; }

    public override IEnumerable<KeyValuePair<string, string>> Fields()
    {
        var d = Description;
        var f = new List<KeyValuePair<string, string>>(32 + 6 * d.Services.Count + 4 * d.Devices.Count);
        f.Add(new("status", FieldText.Number(Status)));
        FieldText.AddCapped(f, "location", Location);
        FieldText.AddCapped(f, "host", Host);
        FieldText.AddCapped(f, "path", Path);
        if (RequestFrame is { } frame) f.Add(new("request_frame", FieldText.Number(frame)));
        FieldText.AddCapped(f, "server", Server);
        FieldText.AddCapped(f, "application_url", ApplicationUrl);
        FieldText.AddCapped(f, "spec_version", d.SpecVersion);
        FieldText.AddCapped(f, "url_base", d.UrlBase);
        if (d.Root is { } root)
        {
            FieldText.AddCapped(f, "device_type", root.DeviceType);
            FieldText.AddCapped(f, "friendly_name", root.FriendlyName);
            FieldText.AddCapped(f, "manufacturer", root.Manufacturer);
            FieldText.AddCapped(f, "manufacturer_url", root.ManufacturerUrl);
            FieldText.AddCapped(f, "model_name", root.ModelName);
            FieldText.AddCapped(f, "model_number", root.ModelNumber);
            FieldText.AddCapped(f, "model_description", root.ModelDescription);
            FieldText.AddCapped(f, "model_url", root.ModelUrl);
            FieldText.AddCapped(f, "serial_number", root.SerialNumber);
            FieldText.AddCapped(f, "udn", root.Udn);
            FieldText.AddCapped(f, "presentation_url", root.PresentationUrl);
        }
        for (int i = 1; i < d.Devices.Count; i++)
        {
            var device = d.Devices[i];
            string prefix = "device_" + FieldText.Number(i) + "_";
            FieldText.AddCapped(f, prefix + "type", device.DeviceType);
            FieldText.AddCapped(f, prefix + "udn", device.Udn);
            FieldText.AddCapped(f, prefix + "friendly_name", device.FriendlyName);
            f.Add(new(prefix + "parent", FieldText.Number(device.Parent)));
        }
        for (int i = 0; i < d.Services.Count; i++)
        {
            var service = d.Services[i];
            string prefix = "service_" + FieldText.Number(i + 1) + "_";
            FieldText.AddCapped(f, prefix + "type", service.ServiceType);
            FieldText.AddCapped(f, prefix + "id", service.ServiceId);
            FieldText.AddCapped(f, prefix + "scpd_url", service.ScpdUrl);
            FieldText.AddCapped(f, prefix + "control_url", service.ControlUrl);
            FieldText.AddCapped(f, prefix + "event_sub_url", service.EventSubUrl);
            f.Add(new(prefix + "device", FieldText.Number(service.Device)));
        }
        f.Add(new("devices_total", FieldText.Number(d.DeviceCount)));
        f.Add(new("services_total", FieldText.Number(d.ServiceCount)));
        d.Evidence.AddTo(f);
        f.Add(new("body_len", FieldText.Number(BodyLength)));
        FieldText.AddFlag(f, "body_truncated", BodyTruncated);
        return f;
    }
}
