namespace Analyzer.Cli;

/// <summary>A one-line progress bar on stderr, shown only when stderr is a terminal and the input is large.</summary>
public sealed class ProgressReporter
{
    /// <summary>Inputs smaller than this finish too fast for a bar to help.</summary>
    public const long MinBytesForBar = 64L * 1024 * 1024;

    private readonly bool _enabled;
    private readonly long _totalBytes;
    private readonly string _name;
    private bool _drawn;

    public ProgressReporter(string name, long totalBytes)
    {
        _name = Path.GetFileName(name);
        _totalBytes = totalBytes;
        _enabled = !Console.IsErrorRedirected && totalBytes >= MinBytesForBar;
    }

    /// <summary>Called with packets and frame bytes read so far (each record adds a 16-byte header on disk).</summary>
    public void Report(long packets, long bytes)
    {
        if (!_enabled) return;
        double fraction = Math.Clamp((bytes + packets * 16.0) / _totalBytes, 0, 1);
        int width = 30, done = (int)(fraction * width);
        Console.Error.Write($"\r{_name} [{new string('#', done)}{new string('.', width - done)}] {fraction:P0} {packets:N0} packets");
        _drawn = true;
    }

    public void Done()
    {
        if (_drawn) Console.Error.Write("\r" + new string(' ', Math.Min(Console.BufferWidth > 0 ? Console.BufferWidth - 1 : 79, 120)) + "\r");
    }
}
