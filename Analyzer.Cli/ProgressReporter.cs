using System.Diagnostics;

namespace Analyzer.Cli;

/// <summary>
/// One progress line on stderr over all the input files of a run (<see cref="ProgressLine"/>), shown only when
/// stderr is a terminal and the run has lasted a second (<see cref="ProgressPolicy"/>), redrawn a few times a
/// second. Files may be read in parallel: each reports its own totals and the line sums them.
/// </summary>
public sealed class ProgressReporter
{
    /// <summary>What a pcap record adds on disk to each frame, to turn frame bytes into file bytes.</summary>
    public const int RecordHeaderBytes = 16;

    private readonly object _lock = new();
    private readonly bool _terminal;
    private readonly long _totalBytes;
    private readonly Dictionary<string, int> _index;
    private readonly (long Packets, long Bytes)[] _read;
    private readonly Func<TimeSpan> _elapsed;
    private readonly TextWriter _output;
    private TimeSpan? _lastDraw;
    private int _started;
    private int _drawnWidth;

    /// <param name="elapsed">Time since the run started (a stopwatch unless given).</param>
    /// <param name="output">Where the line is drawn (stderr unless given).</param>
    public ProgressReporter(IReadOnlyList<string> files, bool stderrIsTerminal, Func<TimeSpan>? elapsed = null, TextWriter? output = null)
    {
        _terminal = stderrIsTerminal;
        _elapsed = elapsed ?? Stopwatch.StartNew() switch { var clock => () => clock.Elapsed };
        _output = output ?? Console.Error;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < files.Count; i++) _index.TryAdd(files[i], i);
        _read = new (long, long)[files.Count];
        foreach (var file in files)
            try { _totalBytes += new FileInfo(file).Length; } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The callback of one file (packets and frame bytes read so far), or null when no line can be shown.</summary>
    public Action<long, long>? ForFile(string file)
    {
        if (!_terminal || !_index.TryGetValue(file, out int slot)) return null;
        lock (_lock) _started++;
        return (packets, bytes) => Report(slot, packets, bytes);
    }

    private void Report(int slot, long packets, long bytes)
    {
        lock (_lock)
        {
            _read[slot] = (packets, bytes);
            var now = _elapsed();
            if (!ProgressPolicy.Show(_terminal, now) || (_lastDraw is { } last && now - last < ProgressPolicy.RedrawInterval)) return;
            _lastDraw = now;
            long allPackets = 0, allBytes = 0;
            foreach (var (p, b) in _read)
            {
                allPackets += p;
                allBytes += b + p * RecordHeaderBytes;
            }
            var line = ProgressLine.Format(_started, _read.Length, allPackets, allBytes, _totalBytes, now);
            _output.Write("\r" + line + new string(' ', Math.Max(0, _drawnWidth - line.Length)));
            _drawnWidth = line.Length;
        }
    }

    /// <summary>Clears the line, so the summary that follows starts on a clean line.</summary>
    public void Done()
    {
        lock (_lock)
            if (_drawnWidth > 0) _output.Write("\r" + new string(' ', _drawnWidth) + "\r");
    }
}
