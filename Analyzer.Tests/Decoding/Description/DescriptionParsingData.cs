namespace Analyzer.Tests.Decoding.Description;

/// <summary>Device descriptions as IGDs serve them (the layout of miniupnpd's rootDesc.xml).</summary>
public static class DescriptionParsingData
{
    public const string IgdDescription =
        "<?xml version=\"1.0\"?>\r\n" +
        "<root xmlns=\"urn:schemas-upnp-org:device-1-0\" configId=\"1337\">" +
        "<specVersion><major>1</major><minor>1</minor></specVersion>" +
        "<device><deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>" +
        "<friendlyName>OpenWRT router</friendlyName><manufacturer>OpenWRT</manufacturer>" +
        "<manufacturerURL>https://openwrt.org/</manufacturerURL><modelDescription>OpenWRT router</modelDescription>" +
        "<modelName>OpenWRT router</modelName><modelNumber>1</modelNumber><modelURL>https://openwrt.org/</modelURL>" +
        "<serialNumber>00000000</serialNumber><UDN>uuid:11111111-2222-3333-4444-555555555555</UDN>" +
        "<serviceList><service><serviceType>urn:schemas-upnp-org:service:Layer3Forwarding:1</serviceType>" +
        "<serviceId>urn:upnp-org:serviceId:L3Forwarding1</serviceId><SCPDURL>/L3F.xml</SCPDURL>" +
        "<controlURL>/ctl/L3F</controlURL><eventSubURL>/evt/L3F</eventSubURL></service></serviceList>" +
        "<deviceList><device><deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType>" +
        "<friendlyName>WANDevice</friendlyName><UDN>uuid:11111111-2222-3333-4444-555555555556</UDN>" +
        "<serviceList><service><serviceType>urn:schemas-upnp-org:service:WANCommonInterfaceConfig:1</serviceType>" +
        "<serviceId>urn:upnp-org:serviceId:WANCommonIFC1</serviceId><SCPDURL>/WANCfg.xml</SCPDURL>" +
        "<controlURL>/ctl/CmnIfCfg</controlURL><eventSubURL>/evt/CmnIfCfg</eventSubURL></service></serviceList>" +
        "<deviceList><device><deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:1</deviceType>" +
        "<friendlyName>WANConnectionDevice</friendlyName><UDN>uuid:11111111-2222-3333-4444-555555555557</UDN>" +
        "<serviceList><service><serviceType>urn:schemas-upnp-org:service:WANIPConnection:1</serviceType>" +
        "<serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId><SCPDURL>/WANIPCn.xml</SCPDURL>" +
        "<controlURL>/ctl/IPConn</controlURL><eventSubURL>/evt/IPConn</eventSubURL></service></serviceList>" +
        "</device></deviceList></device></deviceList>" +
        "<presentationURL>http://192.168.1.1/</presentationURL></device></root>";

    public static string Get(string path = "/rootDesc.xml", string host = "192.168.1.1:5000") =>
        $"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nUser-Agent: Linux/5.10 UPnP/1.1 MiniUPnPc/2.2.5\r\n\r\n";

    public static string Ok(string body, string contentType = "text/xml; charset=\"utf-8\"") =>
        $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nServer: OpenWRT/OpenWrt UPnP/1.1 MiniUPnPd/2.3.3\r\n" +
        $"Content-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
}
