using Analyzer.Generation.Network;

namespace Analyzer.Generation.Messages;

/// <summary>
/// What a UPnP device announces: for the root device upnp:rootdevice, its UDN and type; for every embedded device
/// its UDN and type; for every service its type (UDA 1.1 §1.2.2). An IGD's embedded WANDevice and
/// WANConnectionDevice get their own UDNs, derived from the root one as miniupnpd does.
/// </summary>
public static class UpnpAdvertisements
{
    public readonly record struct Advertisement(string Nt, string Usn, string Udn);

    public static IReadOnlyList<Advertisement> For(Device device)
    {
        var list = new List<Advertisement>();
        void Add(string nt, string udn) => list.Add(new Advertisement(nt, SsdpMessages.Usn(udn, nt), udn));

        Add(SsdpMessages.RootDevice, device.Udn);
        Add(device.Udn, device.Udn);
        if (device.DeviceType is not null) Add(device.DeviceType, device.Udn);

        if (device.Kind == DeviceKind.Router)
        {
            string wanDevice = EmbeddedUdn(device, 1), wanConnection = EmbeddedUdn(device, 2);
            Add(device.Services[0], device.Udn);
            Add(wanDevice, wanDevice);
            Add(IgdServiceType.WanDevice1, wanDevice);
            Add(device.Services[1], wanDevice);
            Add(wanConnection, wanConnection);
            Add(IgdServiceType.WanConnectionDevice1, wanConnection);
            Add(device.Services[2], wanConnection);
        }
        else
        {
            foreach (var service in device.Services) Add(service, device.Udn);
        }
        return list;
    }

    /// <summary>The UDN of an IGD's n-th embedded device: the root UDN with its last hex digit replaced.</summary>
    public static string EmbeddedUdn(Device device, int index)
    {
        string root = device.Udn;
        int last = Convert.ToInt32(root[^1].ToString(), 16);
        return root[..^1] + ((last + index) % 16).ToString("x");
    }
}
