using Analyzer.Events;
using Analyzer.Rules.Banners;

namespace Analyzer.Census;

/// <summary>
/// Puts a device in its census class from what the inventory holds: advertised device and service types first
/// (UPnP standard types name what a device is), then its description (manufacturer, model, name) for the classes
/// UPnP has no type for (NAS), then its banners. The first rule that matches wins, in the order of the methods below:
/// a NAS that also serves media counts as a NAS, a TV with DIAL as a media renderer, a Chromecast (DIAL only) as Cast.
/// A host that only ever acted as a client (User-Agent, no device type, no SERVER) is a PC/phone.
/// </summary>
public static class DeviceClassifier
{
    private static readonly string[] GatewayTypes =
        [":device:InternetGatewayDevice:", ":device:WANDevice:", ":device:WANConnectionDevice:", ":service:WANIPConnection:",
         ":service:WANPPPConnection:", ":service:Layer3Forwarding:", ":service:WANIPv6FirewallControl:"];
    private static readonly string[] CameraTypes = [":device:DigitalSecurityCamera:", ":service:DigitalSecurityCameraSettings:"];
    private static readonly string[] PrinterTypes = [":device:Printer:", ":service:PrintBasic:", ":service:PrintEnhanced:"];
    private static readonly string[] MediaTypes =
        [":device:MediaRenderer:", ":device:MediaServer:", ":device:ZonePlayer:", ":service:AVTransport:", ":service:ContentDirectory:",
         ":service:RenderingControl:"];
    private static readonly string[] DialTypes = ["dial-multiscreen-org:device:dial:", "dial-multiscreen-org:service:dial:"];

    // Vendors and words that name a kind of device where UPnP types do not (a NAS advertises a MediaServer).
    private static readonly string[] NasWords = ["Synology", "QNAP", "DiskStation", "Asustor", "TerraMaster", "ReadyNAS", "My Cloud", "NAS"];
    private static readonly string[] CameraWords = ["Hikvision", "Dahua", "IPCamera", "IP Camera", "Camera", "Foscam", "Reolink", "Amcrest"];
    private static readonly string[] PrinterWords = ["Printer", "LaserJet", "OfficeJet", "DeskJet", "PIXMA", "Brother"];

    public static DeviceClass Classify(InventoryEntry d)
    {
        var types = d.DeviceTypes.Concat(d.Services).ToList();
        var described = $"{d.Manufacturer} {d.Model} {d.FriendlyName}";
        if (Any(types, GatewayTypes) || d.Stack is KnownStacks.RealtekMiniigd or KnownStacks.HuaweiAtpIgd or KnownStacks.MiniUpnpd)
            return DeviceClass.Gateway;
        if (Any(types, CameraTypes) || Mentions(described, CameraWords)) return DeviceClass.Camera;
        if (Any(types, PrinterTypes) || Mentions(described, PrinterWords)) return DeviceClass.Printer;
        if (Mentions(described, NasWords)) return DeviceClass.Nas;
        if (Any(types, MediaTypes)) return DeviceClass.Media;
        if (Any(types, DialTypes)) return DeviceClass.CastDial;
        if (types.Count == 0 && d.Servers.Count == 0 && d.UserAgents.Count > 0) return DeviceClass.PcPhone;
        // Cast and DIAL senders speak the protocols too: only a host that also answers as a server is a receiver.
        if ((d.Protocols.Contains(ProtocolNames.Cast) || d.Protocols.Contains(ProtocolNames.Dial)) && d.Servers.Count > 0) return DeviceClass.CastDial;
        return DeviceClass.Unknown;
    }

    private static bool Any(List<string> types, string[] markers) =>
        types.Any(t => markers.Any(m => t.Contains(m, StringComparison.OrdinalIgnoreCase)));

    private static bool Mentions(string text, string[] words) =>
        words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
