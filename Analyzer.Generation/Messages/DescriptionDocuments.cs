using System.Text;
using Analyzer.Generation.Network;

namespace Analyzer.Generation.Messages;

/// <summary>
/// UPnP device description documents (UDA 1.1 §2.3) served by the devices' HTTP servers: the router's IGD tree with
/// its WANDevice and WANConnectionDevice, and the flat descriptions of media devices.
/// </summary>
public static class DescriptionDocuments
{
    private const string Header = "<?xml version=\"1.0\"?>\r\n";

    /// <summary>The IGD root description, laid out like miniupnpd's <c>rootDesc.xml</c>.</summary>
    public static string Igd(Device router, IgdProfile igd, string lanAddress)
    {
        int version = igd.DeviceType.EndsWith(":2", StringComparison.Ordinal) ? 2 : 1;
        string wanDevice = $"urn:schemas-upnp-org:device:WANDevice:{version}";
        string wanConnection = $"urn:schemas-upnp-org:device:WANConnectionDevice:{version}";
        var xml = new StringBuilder(Header);
        xml.Append("<root xmlns=\"urn:schemas-upnp-org:device-1-0\" configId=\"1337\">");
        xml.Append("<specVersion><major>1</major><minor>1</minor></specVersion><device>");
        DeviceFields(xml, igd.DeviceType, router.FriendlyName, router.Manufacturer, router.ModelName, router.Udn);
        xml.Append("<serviceList>");
        Service(xml, IgdServiceType.Layer3Forwarding1, IgdServiceType.ServiceId(IgdServiceType.Layer3Forwarding1),
            "/L3F.xml", "/ctl/L3F", "/evt/L3F");
        xml.Append("</serviceList><deviceList><device>");
        DeviceFields(xml, wanDevice, "WANDevice", router.Manufacturer, "WAN Device", UpnpAdvertisements.EmbeddedUdn(router, 1));
        xml.Append("<serviceList>");
        Service(xml, IgdServiceType.WanCommonInterfaceConfig1, IgdServiceType.ServiceId(IgdServiceType.WanCommonInterfaceConfig1),
            "/WANCfg.xml", "/ctl/CmnIfCfg", "/evt/CmnIfCfg");
        xml.Append("</serviceList><deviceList><device>");
        DeviceFields(xml, wanConnection, "WANConnectionDevice", router.Manufacturer, "WAN Connection Device",
            UpnpAdvertisements.EmbeddedUdn(router, 2));
        xml.Append("<serviceList>");
        Service(xml, igd.ServiceType, IgdServiceType.ServiceId(igd.ServiceType), igd.ScpdPath, igd.ControlPath, igd.EventPath);
        xml.Append("</serviceList></device></deviceList></device></deviceList>");
        xml.Append("<presentationURL>http://").Append(lanAddress).Append("/</presentationURL></device></root>");
        return xml.ToString();
    }

    /// <summary>A media device's description: one device, its services under <c>/upnp/control/…</c>.</summary>
    public static string Media(Device device, string baseUrl)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n");
        xml.Append("<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><specVersion><major>1</major><minor>0</minor></specVersion>");
        xml.Append("<URLBase>").Append(baseUrl).Append("</URLBase><device>");
        DeviceFields(xml, device.DeviceType ?? "urn:schemas-upnp-org:device:Basic:1", device.FriendlyName,
            device.Manufacturer, device.ModelName, device.Udn);
        xml.Append("<serviceList>");
        foreach (string service in device.Services)
        {
            string name = ShortName(service);
            if (device.Kind == DeviceKind.Chromecast)
                Service(xml, service, "urn:dial-multiscreen-org:serviceId:dial", "/ssdp/notfound", "/ssdp/notfound", "/ssdp/notfound");
            else
                Service(xml, service, $"urn:upnp-org:serviceId:{name}", $"/upnp/{name}.xml", $"/upnp/control/{name}",
                    $"/upnp/event/{name}");
        }
        xml.Append("</serviceList></device></root>");
        return xml.ToString();
    }

    /// <summary>The service type's name without its urn and version: <c>…:service:AVTransport:1</c> → AVTransport.</summary>
    public static string ShortName(string serviceType)
    {
        var parts = serviceType.Split(':');
        return parts.Length >= 2 ? parts[^2] : serviceType;
    }

    private static void DeviceFields(StringBuilder xml, string type, string friendlyName, string manufacturer, string model, string udn)
    {
        xml.Append("<deviceType>").Append(type).Append("</deviceType>");
        xml.Append("<friendlyName>").Append(Escape(friendlyName)).Append("</friendlyName>");
        xml.Append("<manufacturer>").Append(Escape(manufacturer)).Append("</manufacturer>");
        xml.Append("<modelName>").Append(Escape(model)).Append("</modelName>");
        xml.Append("<UDN>").Append(udn).Append("</UDN>");
    }

    private static void Service(StringBuilder xml, string type, string id, string scpd, string control, string events) =>
        xml.Append("<service><serviceType>").Append(type).Append("</serviceType><serviceId>").Append(id)
            .Append("</serviceId><SCPDURL>").Append(scpd).Append("</SCPDURL><controlURL>").Append(control)
            .Append("</controlURL><eventSubURL>").Append(events).Append("</eventSubURL></service>");

    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
