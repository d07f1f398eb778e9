using Analyzer.Decoding.Cast;
using Analyzer.Events;
using Analyzer.Tests.Decoding.Http;

namespace Analyzer.Tests.Decoding.Cast;

public class CastDecodingTests
{
    private static Dictionary<string, string> Fields(AnalyzerEvent e) => HttpConversation.FieldsOf(e);

    private static string Post(string endpoint, string json, string extra = "") =>
        $"POST /setup/{endpoint} HTTP/1.1\r\nHost: 192.168.1.50:8008\r\nContent-Type: application/json\r\n{extra}" +
        $"Content-Length: {json.Length}\r\n\r\n{json}";

    private static string Ok(string json = "") =>
        $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {json.Length}\r\n\r\n{json}";

    [Theory]
    [InlineData("{\"params\": \"fdr\"}", "fdr")]
    [InlineData("{\"params\":\"now\"}", "now")]
    public void ARebootGivesItsParams(string json, string parameters)
    {
        var sink = HttpConversation.Exchange(Post("reboot", json), Ok());

        Assert.Equal(["reboot", "RESPONSE"], sink.Events.Select(e => e.Message));
        Assert.All(sink.Events, e => Assert.Equal("cast", e.Protocol));
        var f = Fields(sink.Events[0]);
        Assert.Equal("POST", f["method"]);
        Assert.Equal("reboot", f["endpoint"]);
        Assert.Equal(parameters, f["params"]);
        Assert.Equal(parameters, f["json_params"]);
        Assert.Equal(json, f["body"]);
        Assert.Equal(json.Length.ToString(), f["body_len"]);
        Assert.False(f.ContainsKey("auth_token"));
        var r = Fields(sink.Events[1]);
        Assert.Equal("200", r["status"]);
        Assert.Equal("reboot", r["endpoint"]);
    }

    [Fact]
    public void EurekaInfoGivesTheDeviceDetailsItLeaks()
    {
        const string info = "{\"bssid\":\"aa:bb:cc:dd:ee:ff\",\"build_version\":\"1.56.500000\",\"name\":\"Living Room\"," +
                            "\"ssid\":\"HomeNet\",\"device_info\":{\"mac_address\":\"00:11:22:33:44:55\",\"capabilities\":{\"wifi\":true}}," +
                            "\"ip_address\":\"192.168.1.50\",\"opt_in\":[\"crash\",\"stats\"]}";
        var sink = HttpConversation.Exchange(
            "GET /setup/eureka_info?params=version,name,build_info,device_info,net,wifi&options=detail HTTP/1.1\r\nHost: 192.168.1.50:8008\r\n\r\n",
            Ok(info));

        var request = Fields(sink.Events[0]);
        Assert.Equal("eureka_info", sink.Events[0].Message);
        Assert.Equal("params=version,name,build_info,device_info,net,wifi&options=detail", request["query"]);
        var r = Fields(sink.Events[1]);
        Assert.Equal("Living Room", r["json_name"]);
        Assert.Equal("HomeNet", r["json_ssid"]);
        Assert.Equal("aa:bb:cc:dd:ee:ff", r["json_bssid"]);
        Assert.Equal("1.56.500000", r["json_build_version"]);
        Assert.Equal("00:11:22:33:44:55", r["json_device_info_mac_address"]);
        Assert.Equal("true", r["json_device_info_capabilities_wifi"]);
        Assert.Equal("192.168.1.50", r["json_ip_address"]);
        Assert.False(r.ContainsKey("json_opt_in"));
    }

    [Fact]
    public void RenamingForgettingAndScanningAreReportedWithTheAuthorizationHeader()
    {
        var c = new HttpConversation();
        c.Client(Post("set_eureka_info", "{\"name\":\"HACKED\"}") +
                 Post("forget_wifi", "{\"wpa_id\":0}", "cast-local-authorization-token: abc\r\n") +
                 Post("scan_wifi", ""));
        c.Server(Ok() + Ok() + Ok());
        c.Close();

        var requests = c.Events<CastMessage>().Where(e => e.Status is null).ToList();
        Assert.Equal(["set_eureka_info", "forget_wifi", "scan_wifi"], requests.Select(e => e.Message));
        Assert.Equal("HACKED", Fields(requests[0])["json_name"]);
        Assert.Equal("1", Fields(requests[1])["auth_token"]);
        Assert.Equal("0", Fields(requests[1])["json_wpa_id"]);
        Assert.Equal(["set_eureka_info", "forget_wifi", "scan_wifi"],
            c.Events<CastMessage>().Where(e => e.Status is not null).Select(e => e.Endpoint));
    }

    [Fact]
    public void ABluetoothEndpointKeepsItsPath()
    {
        var sink = HttpConversation.Exchange(Post("bluetooth/scan", "{\"enable\":true,\"clear_results\":true,\"timeout\":5}"), Ok());
        Assert.Equal("bluetooth/scan", sink.Events[0].Message);
        Assert.Equal("true", Fields(sink.Events[0])["json_clear_results"]);
    }

    [Fact]
    public void MalformedJsonIsReportedAndTheRequestKept()
    {
        var sink = HttpConversation.Exchange(Post("reboot", "{\"params\": fdr"), Ok());
        var f = Fields(sink.Events[0]);
        Assert.True(f.ContainsKey("json_error"));
        Assert.Equal("{\"params\": fdr", f["body"]);
    }

    [Fact]
    public void JsonKeysAreReducedToSafeFieldNames()
    {
        var sink = HttpConversation.Exchange(Post("set_eureka_info", "{\"Na me\\\"=\":\"x\",\"a\":{\"B-c\":1}}"), Ok());
        var f = Fields(sink.Events[0]);
        Assert.Equal("x", f["json_na_me__"]);
        Assert.Equal("1", f["json_a_b_c"]);
    }

    [Theory]
    [InlineData("GET /setup/index.htm HTTP/1.1")]
    [InlineData("GET /setup.cgi?next_file=setup.htm HTTP/1.1")]
    [InlineData("GET / HTTP/1.1")]
    public void RouterPagesAndPlainRequestsAreNotCast(string requestLine)
    {
        var sink = HttpConversation.Exchange($"{requestLine}\r\nHost: 192.168.1.1\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 4\r\n\r\n<a/>");
        Assert.Empty(sink.Events);
    }
}
