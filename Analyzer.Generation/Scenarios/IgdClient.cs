using System.Globalization;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Packets;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// A control point talking SOAP to the router's IGD with its own habits (user agent, header style, envelope style),
/// from the LAN or from the Internet. Each call is a fresh TCP connection, as miniupnpc and most tools do.
/// </summary>
public sealed class IgdClient(ScenarioContext ctx, Endpoint client, string userAgent, HttpStyle http, SoapStyle soap, bool viaWan = false)
{
    public (long End, bool Fault) Call(long t, string action, params (string, string)[] args) =>
        ctx.IgdCall(t, client, viaWan, userAgent, http, soap, action, args);

    public (long End, bool Fault) Add(long t, PortMapping mapping) =>
        ctx.IgdCall(t, client, viaWan, userAgent, http, soap, "AddPortMapping", mapping.AddArguments().ToArray());

    public (long End, bool Fault) Delete(long t, PortMapping mapping) =>
        ctx.IgdCall(t, client, viaWan, userAgent, http, soap, "DeletePortMapping", mapping.KeyArguments().ToArray());

    public (long End, bool Fault) GetSpecific(long t, ushort externalPort, string protocol) =>
        Call(t, "GetSpecificPortMappingEntry", ("NewRemoteHost", ""),
            ("NewExternalPort", externalPort.ToString(CultureInfo.InvariantCulture)), ("NewProtocol", protocol));

    public (long End, bool Fault) GetGeneric(long t, int index) =>
        Call(t, "GetGenericPortMappingEntry", ("NewPortMappingIndex", index.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A request whose body or SOAPAction is not what the action needs (exploits), answered as the daemon would.</summary>
    public (long End, bool Fault) Raw(long t, string action, IReadOnlyList<(string, string)> args, string? body, string? soapAction,
        HttpEnding ending = HttpEnding.ServerCloses, string? controlPath = null) =>
        ctx.IgdCall(t, client, viaWan, userAgent, http, soap, action, args, body, soapAction, ending, controlPath);
}
