using System.Diagnostics;
using System.Text;

namespace Analyzer.Tests.Support;

/// <summary>`analyzer sniff` running as a child process, started and stopped the way a user would.</summary>
public sealed class SniffProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SniffProcess(string workingDirectory, params string[] args)
    {
        // Started with SIGINT at its default, as from a terminal: a test run launched in the background of a
        // non-interactive shell ignores SIGINT, children inherit that, and the runtime keeps an ignored signal ignored.
        var psi = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--default-signal=INT");
        psi.ArgumentList.Add("dotnet");
        psi.ArgumentList.Add(CliRunner.ProgramPath);
        psi.ArgumentList.Add("sniff");
        foreach (var a in args) psi.ArgumentList.Add(a);
        _process = new Process { StartInfo = psi };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr) _stderr.AppendLine(e.Data);
            if (e.Data.StartsWith("capturing on ", StringComparison.Ordinal) || e.Data.StartsWith("error:", StringComparison.Ordinal))
                _started.TrySetResult();
        };
        _process.Start();
        _process.BeginErrorReadLine();
        _process.StandardOutput.ReadToEndAsync();
    }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public bool WaitStarted(TimeSpan timeout) => _started.Task.Wait(timeout);

    /// <summary>Sends a signal (SIGINT, SIGTERM) as the shell's kill does.</summary>
    public void Signal(string name) => Process.Start("kill", ["-" + name, _process.Id.ToString()])!.WaitForExit();

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("sniff did not stop in time; stderr: " + Stderr);
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Capture on loopback needs root (or capabilities); CI runs as root.</summary>
    public static bool CanCapture => Environment.UserName == "root";

    public const string CannotCaptureReason = "live capture on lo needs root (CI runs as root)";

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
