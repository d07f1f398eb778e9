using System.Text;
using Analyzer.Decoding.Description;

namespace Analyzer.Tests.Decoding.Description;

public class IconListTests
{
    private static DeviceDescription Parse(string xml) =>
        DeviceDescriptionParser.Parse(Encoding.UTF8.GetBytes(xml)) ?? throw new InvalidOperationException("not a description");

    private static string Icon(string url) =>
        $"<icon><mimetype>image/png</mimetype><width>48</width><height>48</height><depth>24</depth><url>{url}</url></icon>";

    [Fact]
    public void EachDeviceKeepsTheUrlsOfItsOwnIcons()
    {
        var d = Parse("<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><device><deviceType>urn:schemas-upnp-org:device:MediaServer:1</deviceType>"
            + $"<iconList>{Icon("/icons/sm.png")}{Icon(" http://192.168.1.66/smb/lg.png ")}</iconList>"
            + "<serviceList><service><serviceType>urn:schemas-upnp-org:service:ContentDirectory:1</serviceType><url>/not-an-icon</url></service></serviceList>"
            + $"<deviceList><device><deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType><iconList>{Icon("/icons/child.png")}</iconList></device></deviceList>"
            + "<url>/not-an-icon-either</url></device></root>");

        Assert.Equal(["/icons/sm.png", "http://192.168.1.66/smb/lg.png"], d.Devices[0].IconUrls);
        Assert.Equal(["/icons/child.png"], d.Devices[1].IconUrls);
        Assert.Equal("urn:schemas-upnp-org:service:ContentDirectory:1", Assert.Single(d.Services).ServiceType);
    }

    [Fact]
    public void IconUrlsBeyondTheCapAreNotKept()
    {
        var icons = string.Concat(Enumerable.Range(0, UpnpDevice.MaxIcons + 3).Select(i => Icon($"/i{i}.png")));
        var d = Parse($"<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><device><iconList>{icons}</iconList><UDN>uuid:1</UDN></device></root>");

        Assert.Equal(UpnpDevice.MaxIcons, d.Devices[0].IconUrls.Count);
        Assert.Equal("/i7.png", d.Devices[0].IconUrls[^1]);
        Assert.Equal("uuid:1", d.Devices[0].Udn);
    }

    [Fact]
    public void AnEmptyIconElementEndsAtOnce()
    {
        var d = Parse("<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><device><iconList><icon/></iconList><friendlyName>TV</friendlyName></device></root>");

        Assert.Empty(d.Devices[0].IconUrls);
        Assert.Equal("TV", d.Devices[0].FriendlyName);
    }
}
