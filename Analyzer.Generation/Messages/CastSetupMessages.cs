namespace Analyzer.Generation.Messages;

/// <summary>
/// The Cast device's local setup API on TCP 8008 (the one the Google Home app uses, and CastHack and Metasploit's
/// chromecast modules abuse): <c>/setup/eureka_info</c>, <c>/setup/reboot</c>, <c>/setup/set_eureka_info</c>.
/// Responses follow the device's terse style (no space after the colon).
/// </summary>
public static class CastSetupMessages
{
    public const ushort Port = 8008;
    private static readonly HttpStyle DeviceStyle = new(HeaderCase.AsWritten, false);

    public static byte[] Get(HttpStyle style, string hostPort, string pathAndQuery, string userAgent) =>
        HttpText.Request(style, "GET", pathAndQuery,
            [("Host", hostPort), ("User-Agent", userAgent), ("Accept", "*/*"), ("Connection", "close")]);

    public static byte[] PostJson(HttpStyle style, string hostPort, string path, string json, string userAgent) =>
        HttpText.Request(style, "POST", path,
        [
            ("Host", hostPort), ("User-Agent", userAgent), ("Accept", "*/*"), ("Content-Type", "application/json"),
            ("Content-Length", HttpText.Length(json)), ("Connection", "close"),
        ], json);

    public static byte[] Json(string json) =>
        HttpText.Response(DeviceStyle, 200, "OK",
        [
            ("Access-Control-Allow-Headers", "Content-Type"), ("Cache-Control", "no-cache"),
            ("Content-Length", HttpText.Length(json)), ("Content-Type", "application/json"),
        ], json);

    public static byte[] Empty() =>
        HttpText.Response(DeviceStyle, 200, "OK",
            [("Access-Control-Allow-Headers", "Content-Type"), ("Cache-Control", "no-cache"), ("Content-Length", "0")]);

    public static string EurekaInfo(string name, string ssid, string bssid, string mac, string ipAddress, string uuid) =>
        "{\"bssid\":\"" + bssid + "\",\"build_version\":\"1.56.375848\",\"cast_build_revision\":\"1.56.375848\"," +
        "\"connected\":true,\"ethernet_connected\":false,\"has_update\":false,\"hotspot_bssid\":\"FA:8F:CA:00:00:00\"," +
        "\"ip_address\":\"" + ipAddress + "\",\"locale\":\"en-US\",\"location\":{\"country_code\":\"US\",\"latitude\":255.0," +
        "\"longitude\":255.0},\"mac_address\":\"" + mac + "\",\"name\":\"" + name + "\",\"ssdp_udn\":\"" + uuid + "\"," +
        "\"ssid\":\"" + ssid + "\",\"uptime\":" + 86123.4.ToString(System.Globalization.CultureInfo.InvariantCulture) +
        ",\"version\":12}";
}
