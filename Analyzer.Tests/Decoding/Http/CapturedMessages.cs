namespace Analyzer.Tests.Decoding.Http;

/// <summary>
/// Messages copied byte for byte from public captures of the conformance corpus (tshark "follow tcp"):
/// output-eve-ftp-data = OISF/suricata-verify tests/output-eve-ftp-data/input.pcap (Windows 7 UPnP client and a
/// home IGD, TCP streams 0-6); example = seladb/PcapPlusPlus Tests/Pcap++Test/PcapExamples/example.pcap (stream 26,
/// frames 3416 and 3420); anyconnect-vpn = ntop/nDPI tests/cfgs/default/pcap/anyconnect-vpn.pcap (streams 20 and 21:
/// a Chromecast and a Roku device description fetched by Chrome). Regenerate with extract_captured_messages.py.
/// </summary>
internal static class CapturedMessages
{
    /// <summary>output-eve-ftp-data, TCP stream 0, originator to responder.</summary>
    public const string AddPortMappingRequest =
        "POST /WANIPConnection HTTP/1.1\r\n" +
        "Cache-Control: no-cache\r\n" +
        "Connection: Close\r\n" +
        "Pragma: no-cache\r\n" +
        "Content-Type: text/xml; charset=\"utf-8\"\r\n" +
        "User-Agent: Microsoft-Windows/6.1 UPnP/1.0\r\n" +
        "SOAPAction: \"urn:schemas-upnp-org:service:WANIPConnection:1#AddPortMapping\"\r\n" +
        "Content-Length: 1120\r\n" +
        "Host: 192.168.0.1\r\n" +
        "\r\n" +
        "<?xml version=\"1.0\"?>\r\n" +
        "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><SOAP-ENV:Body><m:AddPortMapping xmlns:m=\"urn:schemas-upnp-org:service:WANIPConnection:1\"><NewRemoteHost xmlns:dt=\"urn:schemas-microsoft-com:datatypes\" dt:dt=\"string\"></NewRemoteHost><NewExternalPort xmlns:dt=\"urn:schemas-microsoft-com:datatypes\" dt:dt=\"ui2\">59085</NewExternalPort><NewProtocol xmlns:dt=\"urn:schemas-microsoft-com:datatypes\" dt:dt=\"string\">UDP</NewProtocol><NewInternalPort xmlns:dt=\"urn:schemas-microsoft-com:datatypes\" dt:dt=\"ui2\">59085</NewInternalPort><NewInternalClient xmlns:dt=\"urn:schemas-microsoft-com:datatypes\" dt:dt=\"string\">192.168.0.13</NewInternalClient><NewEnabled xmlns:dt=\"urn:schemas-microsoft-com:datatypes\" dt:dt=\"boolean\">1</NewEnabled><NewPortMappingDescription xmlns:dt=\"urn:schemas-microsoft-com:datatypes\" dt:dt=\"string\">Teredo</NewPortMappingDescription><NewLeaseDuration xmlns:dt=\"urn:schemas-microsoft-com:datatypes\" dt:dt=\"ui4\">0</NewLeaseDuration></m:AddPortMapping></SOAP-ENV:Body></SOAP-ENV:Envelope>\r\n";

    /// <summary>output-eve-ftp-data, TCP stream 0, responder to originator.</summary>
    public const string AddPortMappingResponse =
        "HTTP/1.1 200 OK\r\n" +
        "Connection: close\r\n" +
        "Server: UPnP/1.0 UPnP/1.0 UPnP/1.0 UPnP-Device-Host/1.0\r\n" +
        "Content-Length: 306\r\n" +
        "Content-Type: text/xml; charset=\"utf-8\"\r\n" +
        "EXT:\r\n" +
        "\r\n" +
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" +
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body><m:AddPortMappingResponse xmlns:m=\"urn:schemas-upnp-org:service:WANIPConnection:1\"></m:AddPortMappingResponse></s:Body></s:Envelope>\r\n";

    /// <summary>output-eve-ftp-data, TCP stream 1, originator to responder.</summary>
    public const string GetSpecificPortMappingEntryRequest =
        "POST /WANIPConnection HTTP/1.1\r\n" +
        "Cache-Control: no-cache\r\n" +
        "Connection: Close\r\n" +
        "Pragma: no-cache\r\n" +
        "Content-Type: text/xml; charset=\"utf-8\"\r\n" +
        "User-Agent: Microsoft-Windows/6.1 UPnP/1.0\r\n" +
        "SOAPAction: \"urn:schemas-upnp-org:service:WANIPConnection:1#GetSpecificPortMappingEntry\"\r\n" +
        "Content-Length: 625\r\n" +
        "Host: 192.168.0.1\r\n" +
        "\r\n" +
        "<?xml version=\"1.0\"?>\r\n" +
        "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><SOAP-ENV:Body><m:GetSpecificPortMappingEntry xmlns:m=\"urn:schemas-upnp-org:service:WANIPConnection:1\"><NewRemoteHost xmlns:dt=\"urn:schemas-microsoft-com:datatypes\" dt:dt=\"string\"></NewRemoteHost><NewExternalPort xmlns:dt=\"urn:schemas-microsoft-com:datatypes\" dt:dt=\"ui2\">59085</NewExternalPort><NewProtocol xmlns:dt=\"urn:schemas-microsoft-com:datatypes\" dt:dt=\"string\">UDP</NewProtocol></m:GetSpecificPortMappingEntry></SOAP-ENV:Body></SOAP-ENV:Envelope>\r\n";

    /// <summary>output-eve-ftp-data, TCP stream 1, responder to originator.</summary>
    public const string GetSpecificPortMappingEntryResponse =
        "HTTP/1.1 200 OK\r\n" +
        "Connection: close\r\n" +
        "Server: UPnP/1.0 UPnP/1.0 UPnP/1.0 UPnP-Device-Host/1.0\r\n" +
        "Content-Length: 548\r\n" +
        "Content-Type: text/xml; charset=\"utf-8\"\r\n" +
        "EXT:\r\n" +
        "\r\n" +
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" +
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body><m:GetSpecificPortMappingEntryResponse xmlns:m=\"urn:schemas-upnp-org:service:WANIPConnection:1\"><NewInternalPort>59085</NewInternalPort><NewInternalClient>192.168.0.13</NewInternalClient><NewEnabled>1</NewEnabled><NewPortMappingDescription>Teredo</NewPortMappingDescription><NewLeaseDuration>0</NewLeaseDuration></m:GetSpecificPortMappingEntryResponse></s:Body></s:Envelope>\r\n";

    /// <summary>output-eve-ftp-data, TCP stream 2, originator to responder.</summary>
    public const string GetExternalIPAddressRequest =
        "POST /WANIPConnection HTTP/1.1\r\n" +
        "Cache-Control: no-cache\r\n" +
        "Connection: Close\r\n" +
        "Pragma: no-cache\r\n" +
        "Content-Type: text/xml; charset=\"utf-8\"\r\n" +
        "User-Agent: Microsoft-Windows/6.1 UPnP/1.0\r\n" +
        "SOAPAction: \"urn:schemas-upnp-org:service:WANIPConnection:1#GetExternalIPAddress\"\r\n" +
        "Content-Length: 303\r\n" +
        "Host: 192.168.0.1\r\n" +
        "\r\n" +
        "<?xml version=\"1.0\"?>\r\n" +
        "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><SOAP-ENV:Body><m:GetExternalIPAddress xmlns:m=\"urn:schemas-upnp-org:service:WANIPConnection:1\"/></SOAP-ENV:Body></SOAP-ENV:Envelope>\r\n";

    /// <summary>output-eve-ftp-data, TCP stream 2, responder to originator.</summary>
    public const string GetExternalIPAddressResponse =
        "HTTP/1.1 200 OK\r\n" +
        "Connection: close\r\n" +
        "Server: UPnP/1.0 UPnP/1.0 UPnP/1.0 UPnP-Device-Host/1.0\r\n" +
        "Content-Length: 376\r\n" +
        "Content-Type: text/xml; charset=\"utf-8\"\r\n" +
        "EXT:\r\n" +
        "\r\n" +
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" +
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body><m:GetExternalIPAddressResponse xmlns:m=\"urn:schemas-upnp-org:service:WANIPConnection:1\"><NewExternalIPAddress>99.224.90.102</NewExternalIPAddress></m:GetExternalIPAddressResponse></s:Body></s:Envelope>\r\n";

    /// <summary>output-eve-ftp-data, TCP stream 3, originator to responder.</summary>
    public const string NotifyRequest =
        "NOTIFY /upnp/eventing/xcmmwtqlwc HTTP/1.1\r\n" +
        "NT: upnp:event\r\n" +
        "NTS: upnp:propchange\r\n" +
        "SID: uuid:185134fb\r\n" +
        "SEQ: 0\r\n" +
        "Content-Type: text/xml\r\n" +
        "HOST: 192.168.0.13:2869\r\n" +
        "Content-Length: 504\r\n" +
        "Connection: close\r\n" +
        "Pragma: no-cache\r\n" +
        "\r\n" +
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" +
        "<e:propertyset xmlns:e=\"urn:schemas-upnp-org:event-1-0\" xmlns:s=\"urn:schemas-upnp-org:service:WANIPConnection:1\"><e:property><s:PossibleConnectionTypes>IP_Routed</s:PossibleConnectionTypes></e:property><e:property><s:ConnectionStatus>Connected</s:ConnectionStatus></e:property><e:property><s:ExternalIPAddress>99.224.90.102</s:ExternalIPAddress></e:property><e:property><s:PortMappingNumberOfEntries>58</s:PortMappingNumberOfEntries></e:property></e:propertyset>\r\n";

    /// <summary>output-eve-ftp-data, TCP stream 3, responder to originator.</summary>
    public const string NotifyResponse =
        "HTTP/1.1 200 OK\r\n" +
        "Server: Microsoft-HTTPAPI/2.0\r\n" +
        "Date: Mon, 17 Jun 2013 21:58:35 GMT\r\n" +
        "Connection: close\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    /// <summary>output-eve-ftp-data, TCP stream 4, originator to responder.</summary>
    public const string SubscribeRequest =
        "SUBSCRIBE /WANIPConnection HTTP/1.1\r\n" +
        "Cache-Control: no-cache\r\n" +
        "Connection: Close\r\n" +
        "Pragma: no-cache\r\n" +
        "User-Agent: Microsoft-Windows/6.1 UPnP/1.0\r\n" +
        "NT: upnp:event\r\n" +
        "Callback: <http://192.168.0.13:2869/upnp/eventing/mclbfxnltw>\r\n" +
        "Timeout: Second-1800\r\n" +
        "Host: 192.168.0.1\r\n" +
        "\r\n";

    /// <summary>output-eve-ftp-data, TCP stream 4, responder to originator.</summary>
    public const string SubscribeResponse =
        "HTTP/1.0 200 OK\r\n" +
        "Server: UPnP/1.0 UPnP-Device-Host/1.0\r\n" +
        "Timeout: Second-600\r\n" +
        "SID: uuid:185144fc\r\n" +
        "\r\n";

    /// <summary>output-eve-ftp-data, TCP stream 6, originator to responder.</summary>
    public const string UnsubscribeRequest =
        "UNSUBSCRIBE /WANIPConnection HTTP/1.1\r\n" +
        "Cache-Control: no-cache\r\n" +
        "Connection: Close\r\n" +
        "Pragma: no-cache\r\n" +
        "User-Agent: Microsoft-Windows/6.1 UPnP/1.0\r\n" +
        "SID: uuid:185134fb\r\n" +
        "Host: 192.168.0.1\r\n" +
        "\r\n";

    /// <summary>output-eve-ftp-data, TCP stream 6, responder to originator.</summary>
    public const string UnsubscribeResponse =
        "HTTP/1.0 200 OK\r\n" +
        "\r\n";

    /// <summary>example, TCP stream 26, originator to responder.</summary>
    public const string SubscribeRenewalRequest =
        "SUBSCRIBE /evt/CmnIfCfg HTTP/1.1\r\n" +
        "Cache-Control: no-cache\r\n" +
        "Connection: Close\r\n" +
        "Pragma: no-cache\r\n" +
        "User-Agent: Microsoft-Windows/6.1 UPnP/1.0\r\n" +
        "SID: uuid:824ff22b-8c7d-41c5-a131-30469a23dde9\r\n" +
        "Timeout: Second-1800\r\n" +
        "Host: 10.0.0.138:5005\r\n" +
        "\r\n";

    /// <summary>example, TCP stream 26, responder to originator.</summary>
    public const string SubscribeRenewalResponse =
        "HTTP/1.1 200 OK\r\n" +
        "Content-Type: text/xml\r\n" +
        "Connection: close\r\n" +
        "Content-Length: 0\r\n" +
        "Server: Netgear/1.0 UPnP/1.0 miniupnpd/1.0\r\n" +
        "Timeout: Second-1800\r\n" +
        "SID: uuid:824ff22b-8c7d-41c5-a131-30469a23dde9\r\n" +
        "\r\n";

    /// <summary>anyconnect-vpn, TCP stream 20, originator to responder.</summary>
    public const string ChromecastDeviceDescriptionRequest =
        "GET /ssdp/device-desc.xml HTTP/1.1\r\n" +
        "Host: 10.0.0.149:8008\r\n" +
        "Connection: keep-alive\r\n" +
        "User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/77.0.3865.90 Safari/537.36\r\n" +
        "Accept-Encoding: gzip, deflate\r\n" +
        "\r\n";

    /// <summary>anyconnect-vpn, TCP stream 20, responder to originator.</summary>
    public const string ChromecastDeviceDescriptionResponse =
        "HTTP/1.1 200 OK\r\n" +
        "Application-URL:http://10.0.0.149:8008/apps/\r\n" +
        "Content-Length:1079\r\n" +
        "Content-Type:application/xml\r\n" +
        "\r\n" +
        "<?xml version=\"1.0\"?>\r\n" +
        "<root xmlns=\"urn:schemas-upnp-org:device-1-0\">\r\n" +
        "  <specVersion>\r\n" +
        "    <major>1</major>\r\n" +
        "    <minor>0</minor>\r\n" +
        "  </specVersion>\r\n" +
        "  <URLBase>http://10.0.0.149:8008</URLBase>\r\n" +
        "  <device>\r\n" +
        "    <deviceType>urn:dial-multiscreen-org:device:dial:1</deviceType>\r\n" +
        "    <friendlyName>Chromecast1699</friendlyName>\r\n" +
        "    <manufacturer>Google Inc.</manufacturer>\r\n" +
        "    <modelName>Eureka Dongle</modelName>\r\n" +
        "    <UDN>uuid:79d88e83-725c-b71b-bad0-5862d5b22386</UDN>\r\n" +
        "    <iconList>\r\n" +
        "      <icon>\r\n" +
        "        <mimetype>image/png</mimetype>\r\n" +
        "        <width>98</width>\r\n" +
        "        <height>55</height>\r\n" +
        "        <depth>32</depth>\r\n" +
        "        <url>/setup/icon.png</url>\r\n" +
        "      </icon>\r\n" +
        "    </iconList>\r\n" +
        "    <serviceList>\r\n" +
        "      <service>\r\n" +
        "        <serviceType>urn:dial-multiscreen-org:service:dial:1</serviceType>\r\n" +
        "        <serviceId>urn:dial-multiscreen-org:serviceId:dial</serviceId>\r\n" +
        "        <controlURL>/ssdp/notfound</controlURL>\r\n" +
        "        <eventSubURL>/ssdp/notfound</eventSubURL>\r\n" +
        "        <SCPDURL>/ssdp/notfound</SCPDURL>\r\n" +
        "      </service>\r\n" +
        "    </serviceList>\r\n" +
        "  </device>\r\n" +
        "</root>\r\n";

    /// <summary>anyconnect-vpn, TCP stream 21, originator to responder.</summary>
    public const string RokuDeviceDescriptionRequest =
        "GET /dial/dd.xml HTTP/1.1\r\n" +
        "Host: 10.0.0.151:8060\r\n" +
        "Connection: keep-alive\r\n" +
        "User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/77.0.3865.90 Safari/537.36\r\n" +
        "Accept-Encoding: gzip, deflate\r\n" +
        "\r\n";

    /// <summary>anyconnect-vpn, TCP stream 21, responder to originator.</summary>
    public const string RokuDeviceDescriptionResponse =
        "HTTP/1.1 200 OK\r\n" +
        "Server: Roku UPnP/1.0 MiniUPnPd/1.4\r\n" +
        "Content-Length: 1140\r\n" +
        "Cache-Control: no-cache\r\n" +
        "Content-Type: text/xml; charset=\"utf-8\"\r\n" +
        "Application-URL: http://10.0.0.151:8060/dial\r\n" +
        "\r\n" +
        "<?xml version=\"1.0\"?>\r\n" +
        "<root xmlns=\"urn:schemas-upnp-org:device-1-0\">\r\n" +
        "<specVersion>\r\n" +
        "<major>1</major>\r\n" +
        "<minor>0</minor>\r\n" +
        "</specVersion>\r\n" +
        "<device>\r\n" +
        "<deviceType>urn:roku-com:device:player:1-0</deviceType>\r\n" +
        "<friendlyName>Express</friendlyName>\r\n" +
        "<manufacturer>Roku</manufacturer>\r\n" +
        "<manufacturerURL>http://www.roku.com/</manufacturerURL>\r\n" +
        "<modelDescription>Roku Streaming Player Network Media</modelDescription>\r\n" +
        "<modelName>Roku Express</modelName>\r\n" +
        "<modelNumber>3900X</modelNumber>\r\n" +
        "<modelURL>http://www.roku.com/</modelURL>\r\n" +
        "<serialNumber>YG004J486863</serialNumber>\r\n" +
        "<UDN>uuid:295c0004-6807-106d-80cf-d831342077fb</UDN>\r\n" +
        "<serviceList>\r\n" +
        "<service>\r\n" +
        "<serviceType>urn:roku-com:service:ecp:1</serviceType>\r\n" +
        "<serviceId>urn:roku-com:serviceId:ecp1-0</serviceId>\r\n" +
        "<controlURL></controlURL>\r\n" +
        "<eventSubURL></eventSubURL>\r\n" +
        "<SCPDURL>ecp_SCPD.xml</SCPDURL>\r\n" +
        "</service>\r\n" +
        "<service>\r\n" +
        "<serviceType>urn:dial-multiscreen-org:service:dial:1</serviceType>\r\n" +
        "<serviceId>urn:dial-multiscreen-org:serviceId:dial1-0</serviceId>\r\n" +
        "<controlURL></controlURL>\r\n" +
        "<eventSubURL></eventSubURL>\r\n" +
        "<SCPDURL>dial_SCPD.xml</SCPDURL>\r\n" +
        "</service>\r\n" +
        "</serviceList>\r\n" +
        "</device>\r\n" +
        "</root>\r\n";

}
