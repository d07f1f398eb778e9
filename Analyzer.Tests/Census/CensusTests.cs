using Analyzer.Census;
using Analyzer.Generation.Scenarios;

namespace Analyzer.Tests.Census;

/// <summary>
/// The census of generated captures whose devices and stacks are known: the generator's home network (seed 1 of
/// normal-discovery runs an OpenWrt router on MiniUPnPd 2.3.11; the Chromecast and the camera run libupnp 1.14.12 and
/// 1.14.18) and the three old gadgets of vulnerable-banners.
/// </summary>
public class CensusTests
{
    private static readonly Lazy<CensusRun> Normal = new(() => CensusRun.Of(new NormalDiscoveryScenario(), 1));
    private static readonly Lazy<CensusRun> Vulnerable = new(() => CensusRun.Of(new VulnerableBannersScenario(), 1));

    [Fact]
    public void EveryHouseholdDeviceOfNormalDiscoveryIsCountedOnceInItsClass()
    {
        var run = Normal.Value;
        var c = run.Census;

        // Router, Windows PC, phone, TV, Chromecast, Sonos, NAS, laptop, camera; the console stays silent.
        Assert.Equal(9, c.HostsSeen);
        Assert.Equal(9, c.UpnpDevices);
        Assert.Equal(1, run.Count(DeviceClass.Gateway));
        Assert.Equal(2, run.Count(DeviceClass.Media));
        Assert.Equal(1, run.Count(DeviceClass.CastDial));
        Assert.Equal(1, run.Count(DeviceClass.Nas));
        Assert.Equal(3, run.Count(DeviceClass.PcPhone));
        Assert.Equal(0, run.Count(DeviceClass.Camera));
        Assert.Equal(0, run.Count(DeviceClass.Printer));
        Assert.Equal(1, run.Count(DeviceClass.Unknown));
        Assert.Equal(1.0 / 3, c.Classes.Single(k => k.Class == DeviceClass.PcPhone).Share, 9);
    }

    [Fact]
    public void EachKnownDeviceGetsTheClassItsTypesDescriptionOrBannersSay()
    {
        var run = Normal.Value;
        var net = run.Network;

        Assert.Equal(DeviceClass.Gateway, run.Device(net.Router).Class);
        Assert.Equal(DeviceClass.Media, run.Device(net.Tv).Class);
        Assert.Equal(DeviceClass.Media, run.Device(net.Speaker).Class);
        Assert.Equal(DeviceClass.CastDial, run.Device(net.Chromecast).Class);
        Assert.Equal(DeviceClass.Nas, run.Device(net.Nas).Class);
        Assert.Equal(DeviceClass.PcPhone, run.Device(net.WindowsPc).Class);
        Assert.Equal(DeviceClass.PcPhone, run.Device(net.Phone).Class);
        Assert.Equal(DeviceClass.PcPhone, run.Device(net.Laptop).Class);
        // Nobody fetches the camera's description here, and it advertises only urn:…:device:Basic:1: nothing says camera.
        Assert.Equal(DeviceClass.Unknown, run.Device(net.Camera).Class);
    }

    [Fact]
    public void StacksAndVersionsAreCountedAndTheOlderLibupnpReleasesAreOutdated()
    {
        var run = Normal.Value;
        var stacks = run.Census.Stacks.Select(s => $"{s.Stack}|{s.Version}|{s.Devices}|{(s.Outdated ? "outdated" : "")}").ToList();

        Assert.Equal(
        [
            "MiniDLNA|1.3.3|1|", "MiniUPnPd|2.3.11|1|", "Sonos|80.1|1|", "TV||1|", "VLC|3.0.20|1|", "Windows SSDP||1|",
            "YouTube|19.05.36|1|", "libupnp (Portable SDK)|1.14.12|1|outdated", "libupnp (Portable SDK)|1.14.18|1|outdated",
        ], stacks);
        Assert.Equal(2, run.Census.OutdatedDevices);
        Assert.Equal(0, run.Census.DevicesWithCves);
        Assert.Equal(["1.14.31", "1.14.31"], new[] { run.Device(run.Network.Chromecast), run.Device(run.Network.Camera) }.Select(d => d.CurrentVersion));
        Assert.False(run.Device(run.Network.Router).Outdated);
    }

    [Fact]
    public void ABenignMinuteHasNoAlertsNoOpenMappingsAndATimelineOfEveryHost()
    {
        var c = Normal.Value.Census;

        Assert.Empty(c.Alerts);
        Assert.Empty(c.OpenMappings);
        Assert.Equal(9, c.Timeline.Count);
        Assert.Equal(Normal.Value.Records.Messages.Count(m => m.SrcIp == Normal.Value.Network.Router.Host.Ipv4.ToString()
                || m.DstIp == Normal.Value.Network.Router.Host.Ipv4.ToString()),
            c.Timeline.Single(t => t.Host == Normal.Value.Network.Router.Host.Ipv4.ToString()).Messages);
    }

    [Fact]
    public void TheOldGadgetsCarryTheCvesOfTheirStacks()
    {
        var c = Vulnerable.Value.Census;
        var byName = c.Devices.Where(d => d.Cves.Count > 0).ToDictionary(d => d.Name);

        Assert.Equal(3, c.DevicesWithCves);
        Assert.Equal(["Living Room Player", "NAS-200", "WiFi Repeater"], byName.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(13, byName["NAS-200"].Cves.Count);
        Assert.Equal("libupnp (Portable SDK)", byName["NAS-200"].Stack);
        Assert.Equal(DeviceClass.Nas, byName["NAS-200"].Class);
        Assert.Contains("CVE-2013-0229", byName["WiFi Repeater"].Cves);
        Assert.Equal("MiniUPnPd", byName["WiFi Repeater"].Stack);
        Assert.Equal(["CVE-2012-5958", "CVE-2012-5959", "CVE-2012-5960", "CVE-2012-5961", "CVE-2012-5962", "CVE-2012-5963", "CVE-2012-5964", "CVE-2012-5965"],
            byName["Living Room Player"].Cves);
        Assert.Equal("Intel UPnP SDK", byName["Living Room Player"].Stack);
        Assert.Equal(3, c.Alerts.Single(a => a.Category == "vulnerable-software").Total);
    }
}
