using System.Diagnostics;

namespace Analyzer.Pipeline;

/// <summary>
/// With <c>ANALYZER_STARTUP_TRACE=1</c> in the environment, one stderr line per step of start-up with the
/// milliseconds since the process started: where the time before the first packet goes (bench/README.md).
/// Nothing is measured or written otherwise.
/// </summary>
public static class StartupTrace
{
    private static readonly DateTime? ProcessStart =
        Environment.GetEnvironmentVariable("ANALYZER_STARTUP_TRACE") is "1" ? Process.GetCurrentProcess().StartTime.ToUniversalTime() : null;

    public static void Mark(string step)
    {
        if (ProcessStart is { } start)
            Console.Error.WriteLine($"startup-trace: {(DateTime.UtcNow - start).TotalMilliseconds,7:0.0} ms  {step}");
    }
}
