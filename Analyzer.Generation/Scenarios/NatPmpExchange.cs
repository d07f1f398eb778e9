using Analyzer.Generation.Messages;
using Analyzer.Generation.Packets;

namespace Analyzer.Generation.Scenarios;

/// <summary>A NAT-PMP or PCP request to the router's UDP 5351 and its answer.</summary>
internal static class NatPmpExchange
{
    /// <param name="server">The router address asked: its LAN address, or its WAN address for requests from the Internet.</param>
    public static long Run(ScenarioContext ctx, long t, Endpoint client, ushort clientPort, Endpoint server, byte[] request, byte[]? response)
    {
        ctx.Udp(t, client, clientPort, server, NatPmpMessages.ServerPort, request);
        if (response is null) return t;
        t += client.Host?.Segment == Packets.NetSegment.Wan ? ctx.Random.Next(200, 900) : ctx.Random.Next(200, 2_000);
        return ctx.Udp(t, server, NatPmpMessages.ServerPort, client, clientPort, response);
    }

    public static long Lan(ScenarioContext ctx, long t, Endpoint client, ushort clientPort, byte[] request, byte[]? response) =>
        Run(ctx, t, client, clientPort, ctx.Network.RouterLan.V4, request, response);
}
