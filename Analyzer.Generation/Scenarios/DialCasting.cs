using Analyzer.Generation.Messages;
using Analyzer.Generation.Network;
using Analyzer.Generation.Packets;
using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Scenarios;

/// <summary>The DIAL REST exchanges against a screen's application URL (<c>http://host:port/apps/</c>).</summary>
internal static class DialCasting
{
    public const string AppsPath = "/apps/";

    /// <summary>A random 11-character YouTube video id.</summary>
    public static string VideoId(GenerationRandom random)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var id = new char[11];
        for (int i = 0; i < id.Length; i++) id[i] = alphabet[random.Next(0, alphabet.Length)];
        return new string(id);
    }

    public static long Status(ScenarioContext ctx, long t, Endpoint client, Device screen, string app, string state, HttpStyle style,
        string userAgent, string? origin)
    {
        string hostPort = ScenarioContext.HostPort(screen.Host.Ipv4, screen.DescriptionPort);
        return ctx.HttpExchange(t, client, screen.Host.V4, screen.DescriptionPort,
            DialMessages.AppStatusRequest(style, hostPort, AppsPath, app, userAgent, origin),
            at => DialMessages.AppStatus(screen.Server!, at, app, state));
    }

    public static long Launch(ScenarioContext ctx, long t, Endpoint client, Device screen, string app, string body, HttpStyle style,
        string userAgent, string? origin)
    {
        string hostPort = ScenarioContext.HostPort(screen.Host.Ipv4, screen.DescriptionPort);
        return ctx.HttpExchange(t, client, screen.Host.V4, screen.DescriptionPort,
            DialMessages.Launch(style, hostPort, AppsPath, app, body, userAgent, origin),
            at => DialMessages.Launched(screen.Server!, at, $"http://{hostPort}{AppsPath}{app}/run"));
    }

    public static long Stop(ScenarioContext ctx, long t, Endpoint client, Device screen, string app, HttpStyle style, string userAgent,
        string? origin)
    {
        string hostPort = ScenarioContext.HostPort(screen.Host.Ipv4, screen.DescriptionPort);
        return ctx.HttpExchange(t, client, screen.Host.V4, screen.DescriptionPort,
            DialMessages.Stop(style, hostPort, $"{AppsPath}{app}/run", userAgent, origin),
            at => DialMessages.Stopped(screen.Server!, at));
    }
}
