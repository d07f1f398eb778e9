namespace Analyzer.Generation.Scenarios;

/// <summary>How an HTTP exchange's connection ends.</summary>
public enum HttpEnding : byte
{
    /// <summary>The server closes after its response (HTTP/1.1 with "Connection: close"; miniupnpd, libupnp).</summary>
    ServerCloses,

    /// <summary>The client closes after reading the response.</summary>
    ClientCloses,

    /// <summary>The server's kernel resets the connection: the daemon crashed on the request and sends nothing.</summary>
    ServerResets,

    /// <summary>No answer and no teardown in the capture (a hung daemon, a cut capture).</summary>
    Silence,
}
