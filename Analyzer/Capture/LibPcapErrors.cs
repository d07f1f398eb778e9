namespace Analyzer.Capture;

/// <summary>Turns failures of the native capture library into one-line messages that say what to do.</summary>
public static class LibPcapErrors
{
    public const string Missing =
        "libpcap is not installed: install it with 'apt-get install -y libpcap0.8' (Debian/Ubuntu) or your system's libpcap package";

    public static bool IsMissingLibrary(Exception e) =>
        e is DllNotFoundException || e.InnerException is DllNotFoundException
        || (e is TypeInitializationException && e.InnerException is not null && IsMissingLibrary(e.InnerException));

    /// <summary>The first line of a message, without the noise libpcap and SharpPcap add.</summary>
    public static string OneLine(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return "unknown error";
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
