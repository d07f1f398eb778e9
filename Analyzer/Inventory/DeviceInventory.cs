using Analyzer.Decoding;
using Analyzer.Decoding.Description;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules;
using Analyzer.Rules.Ssdp;

namespace Analyzer.Inventory;

/// <summary>
/// The device inventory: an event observer that builds one <see cref="DeviceRecord"/> per LAN address that speaks a
/// UPnP-family protocol (SSDP, NAT-PMP/PCP, SOAP, GENA, DIAL/Cast, descriptions; in any role), from what the events
/// carry: MAC, UDNs, SERVER and User-Agent banners (parsed into stack and version, with the CVEs of THREATS.md
/// section 2), advertised device and service types, description URLs, and from its device description the friendly
/// name, manufacturer, model, devices and services. Written once, at the end (by the output).
/// </summary>
public sealed class DeviceInventory(NetworkContext network) : IEventSink
{
    /// <summary>Devices kept; addresses first seen after this many are counted in <see cref="Dropped"/>.</summary>
    public const int MaxDevices = 4096;

    private readonly Dictionary<NetAddress, DeviceRecord> _devices = [];
    private readonly List<BannerSighting> _banners = [];
    private readonly BannerCache _parsedBanners = new();

    public int Count => _devices.Count;
    public long Dropped { get; private set; }

    /// <summary>Devices in the order first seen.</summary>
    public IEnumerable<DeviceRecord> Devices => _devices.Values.OrderBy(d => d.FirstSeenUs).ThenBy(d => d.Address.ToString(), StringComparer.Ordinal);

    public bool TryGet(NetAddress address, out DeviceRecord? device) => _devices.TryGetValue(address, out device);

    public void OnEvent(AnalyzerEvent e)
    {
        var p = e.Packet;
        switch (e)
        {
            case SsdpMessage ssdp:
                OnSsdp(ssdp);
                break;
            case DescriptionMessage description:
                OnDescription(description);
                break;
            default:
                if (Device(p.Src, p) is { } device) device.Protocols.Add(e.Protocol);
                break;
        }
        _banners.Clear();
        BannerSources.Collect(e, _banners);
        foreach (var b in _banners)
        {
            if (Device(b.Device, p) is not { } device) continue;
            DeviceRecord.Add(b.Header == "SERVER" ? device.Servers : device.UserAgents, b.Text);
            device.AddStack(_parsedBanners.Parse(b.Text));
        }
    }

    public void OnAnomaly(DecodeAnomaly anomaly) { }

    private void OnSsdp(SsdpMessage ssdp)
    {
        if (Device(ssdp.Packet.Src, ssdp.Packet) is not { } device) return;
        device.Protocols.Add(ProtocolNames.Ssdp);
        if (ssdp.Kind == SsdpKind.MSearch) return;
        if (SsdpTargets.Uuid(ssdp.Usn) is not null) DeviceRecord.AddUdn(device.Udns, WireUdn(ssdp.Usn!));
        DeviceRecord.Add(device.Locations, ssdp.Location);
        var type = ssdp.Kind == SsdpKind.Notify ? ssdp.Nt : ssdp.St;
        if (type is not null && type.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            if (type.Contains(":service:", StringComparison.OrdinalIgnoreCase)) DeviceRecord.Add(device.Services, type, DeviceRecord.MaxTypes);
            else if (type.Contains(":device:", StringComparison.OrdinalIgnoreCase)) DeviceRecord.Add(device.DeviceTypes, type, DeviceRecord.MaxTypes);
        }
        if (RealtekMiniigd.IsDescriptionLocation(ssdp.Location, out var host) && (host is null || host == ssdp.Packet.Src))
            device.AddStack(new StackBanner(KnownStacks.RealtekMiniigd, null, ssdp.Location!));
    }

    private void OnDescription(DescriptionMessage d)
    {
        if (d.Status != 200 || Device(d.Packet.Src, d.Packet) is not { } device) return;
        device.Protocols.Add(ProtocolNames.Description);
        DeviceRecord.Add(device.Locations, d.Location);
        var description = d.Description;
        if (description.Root is { } root)
        {
            device.FriendlyName ??= Cap(root.FriendlyName);
            device.Manufacturer ??= Cap(root.Manufacturer);
            device.Model ??= Cap(string.Join(' ', new[] { root.ModelName, root.ModelNumber }.Where(x => !string.IsNullOrWhiteSpace(x))));
        }
        foreach (var dev in description.Devices)
        {
            DeviceRecord.Add(device.DeviceTypes, dev.DeviceType, DeviceRecord.MaxTypes);
            if (dev.Udn is { } udn) DeviceRecord.AddUdn(device.Udns, udn.Trim());
        }
        foreach (var service in description.Services) DeviceRecord.Add(device.Services, service.ServiceType, DeviceRecord.MaxTypes);
    }

    /// <summary>The UDN part of a USN (before "::") as the device wrote it.</summary>
    private static string WireUdn(string usn)
    {
        int end = usn.IndexOf("::", 5, StringComparison.Ordinal);
        return (end < 0 ? usn : usn[..end]).Trim();
    }

    private static string? Cap(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Length > DeviceRecord.MaxValueChars ? value[..DeviceRecord.MaxValueChars] : value;

    private DeviceRecord? Device(NetAddress address, in PacketInfo packet)
    {
        if (!network.IsLan(address)) return null;
        if (!_devices.TryGetValue(address, out var device))
        {
            if (_devices.Count >= MaxDevices)
            {
                Dropped++;
                return null;
            }
            device = new DeviceRecord(address, packet.TimestampUs);
            _devices[address] = device;
        }
        if (packet.TimestampUs > device.LastSeenUs) device.LastSeenUs = packet.TimestampUs;
        if (address == packet.Src && packet.SrcMac != 0) device.Mac = packet.SrcMac;
        return device;
    }
}
