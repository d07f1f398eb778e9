using Analyzer.Decoding;
using Analyzer.Events;
using Analyzer.Pipeline;
using Analyzer.Rules;

namespace Analyzer.Learning;

/// <summary>
/// Turns events into <see cref="HostWindow"/>s: per host (sender, and unicast receiver) and per window of capture
/// time aligned to multiples of the window length. A window closes when capture time passes its end (plus
/// <see cref="CloseGraceUs"/> for events that TCP reassembly delivers late) or when the capture ends; each capture is
/// its own story (host memory is forgotten at its end), the same whether training or scoring. One instance runs on
/// the pipeline thread; the same class serves <c>train</c>, <c>analyze</c> and <c>sniff</c>.
/// </summary>
public sealed class FeatureExtractor : IEventSink, ICaptureObserver
{
    /// <summary>Default window length: long enough to see a burst, short enough to localize an attack.</summary>
    public const long DefaultWindowUs = 10_000_000;
    /// <summary>Windows open at once (hosts active in the current window); events of further hosts are dropped.</summary>
    public const int MaxOpenWindows = 4096;
    /// <summary>Hosts remembered within a capture (new-host and identity features); beyond it hosts look new.</summary>
    public const int MaxRememberedHosts = 16_384;
    /// <summary>A window stays open this long past its end for late events.</summary>
    public const long CloseGraceUs = 1_000_000;

    private sealed class OpenWindow
    {
        public NetAddress Host;
        public long Index;
        public long FirstEventUs;
        public long FirstFrame;
        public HostMemory Memory = null!;
        public readonly HostWindowCounters Counters = new();
        public readonly Dictionary<string, int> Protocols = new(StringComparer.Ordinal);
    }

    private readonly NetworkContext _network;
    private readonly Action<HostWindow> _onClosed;
    private readonly Dictionary<NetAddress, OpenWindow> _open = [];
    private readonly Dictionary<NetAddress, HostMemory> _memory = [];
    private readonly Stack<OpenWindow> _free = new();
    private readonly List<OpenWindow> _closing = [];
    private string _capture = "";

    /// <param name="network">Which addresses are the LAN (the outside-LAN features).</param>
    /// <param name="windowUs">Window length; a model is scored with the length it was trained with.</param>
    /// <param name="onClosed">Receives each window as it closes, in order of start time then address.</param>
    public FeatureExtractor(NetworkContext network, long windowUs, Action<HostWindow> onClosed)
    {
        if (windowUs <= 0) throw new ArgumentOutOfRangeException(nameof(windowUs));
        _network = network;
        WindowUs = windowUs;
        _onClosed = onClosed;
    }

    public long WindowUs { get; }

    /// <summary>Events not counted because <see cref="MaxOpenWindows"/> hosts were already active.</summary>
    public long DroppedEvents { get; private set; }

    /// <summary>The window index a capture time falls in.</summary>
    public long IndexOf(long timestampUs) => Math.DivRem(timestampUs, WindowUs, out long rem) - (rem < 0 ? 1 : 0);

    public void BeginCapture(string name) => _capture = name;

    public void OnEvent(AnalyzerEvent e)
    {
        var p = e.Packet;
        if (!NetworkContext.IsSpecial(p.Src) && Window(p.Src, p.TimestampUs, p.FrameNumber, e.Protocol) is { } sender)
            EventTally.Sent(e, sender.Counters, sender.Memory, sender.Index, _network);
        if (!NetworkContext.IsSpecial(p.Dst) && p.Dst != p.Src && Window(p.Dst, p.TimestampUs, p.FrameNumber, e.Protocol) is { } receiver)
            EventTally.Received(e, receiver.Counters, _network);
    }

    public void OnAnomaly(DecodeAnomaly a)
    {
        var p = a.Packet;
        if (NetworkContext.IsSpecial(p.Src)) return;
        if (Window(p.Src, p.TimestampUs, p.FrameNumber, null) is { } w) EventTally.Anomaly(a, w.Counters);
    }

    /// <summary>
    /// The features so far of <paramref name="host"/>'s open window <paramref name="index"/> (the events it has
    /// seen); false when that window is not open.
    /// </summary>
    public bool FeaturesSoFar(NetAddress host, long index, double[] raw, float[] features)
    {
        if (!_open.TryGetValue(host, out var w) || w.Index != index) return false;
        HostWindowFeatures.Compute(w.Counters, raw, features);
        return true;
    }

    public void Advance(long nowUs) => Close(w => (w.Index + 1) * WindowUs + CloseGraceUs <= nowUs);

    public void EndCapture()
    {
        Close(_ => true);
        _memory.Clear();
    }

    private OpenWindow? Window(NetAddress host, long timestampUs, long frame, string? protocol)
    {
        long index = IndexOf(timestampUs);
        if (_open.TryGetValue(host, out var w))
        {
            // A later window starts; an earlier timestamp (late delivery) stays in the open window.
            if (index > w.Index)
            {
                Emit(w);
                Reset(w, host, index, timestampUs, frame);
            }
        }
        else
        {
            if (_open.Count >= MaxOpenWindows)
            {
                DroppedEvents++;
                return null;
            }
            w = _free.Count > 0 ? _free.Pop() : new OpenWindow();
            Reset(w, host, index, timestampUs, frame);
            _open[host] = w;
        }
        if (protocol is not null) w.Protocols[protocol] = w.Protocols.GetValueOrDefault(protocol) + 1;
        return w;
    }

    private void Reset(OpenWindow w, NetAddress host, long index, long timestampUs, long frame)
    {
        w.Host = host;
        w.Index = index;
        w.FirstEventUs = timestampUs;
        w.FirstFrame = frame;
        w.Protocols.Clear();
        w.Counters.Reset();
        w.Counters.HostOutsideLan = _network.IsOutside(host);
        if (_memory.TryGetValue(host, out var memory))
        {
            w.Memory = memory;
        }
        else
        {
            w.Memory = new HostMemory();
            if (_memory.Count < MaxRememberedHosts) _memory[host] = w.Memory;
            w.Counters.NewHost = true;
        }
    }

    private void Close(Func<OpenWindow, bool> due)
    {
        _closing.Clear();
        foreach (var w in _open.Values)
            if (due(w)) _closing.Add(w);
        if (_closing.Count == 0) return;
        _closing.Sort(static (a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index)
            : a.Host.IsV6 != b.Host.IsV6 ? a.Host.IsV6.CompareTo(b.Host.IsV6) : a.Host.Value.CompareTo(b.Host.Value));
        foreach (var w in _closing)
        {
            _open.Remove(w.Host);
            Emit(w);
            _free.Push(w);
        }
        _closing.Clear();
    }

    private void Emit(OpenWindow w)
    {
        var raw = new double[HostWindowFeatures.Count];
        var features = new float[HostWindowFeatures.Count];
        HostWindowFeatures.Compute(w.Counters, raw, features);
        string protocol = "";
        int most = 0;
        foreach (var (name, count) in w.Protocols)
            if (count > most || (count == most && string.CompareOrdinal(name, protocol) < 0)) (protocol, most) = (name, count);
        _onClosed(new HostWindow
        {
            Host = w.Host,
            StartUs = w.Index * WindowUs,
            EndUs = (w.Index + 1) * WindowUs,
            FirstEventUs = w.FirstEventUs,
            FirstFrame = w.FirstFrame,
            Protocol = protocol,
            Capture = _capture,
            Raw = raw,
            Features = features,
        });
    }
}
