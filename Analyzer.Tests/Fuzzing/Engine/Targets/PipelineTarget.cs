using Analyzer.Decoding;
using Analyzer.Events;
using Analyzer.Inventory;
using Analyzer.Pipeline;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// The whole pipeline (link/IP decoding, fragments, flows, every protocol analyzer, rules, inventory): a window of
/// consecutive frames of one seed capture, some of them mutated, cut into IPv4 fragments, dropped, repeated or swapped. The pipeline
/// catches decoder exceptions itself and counts them as <c>decode.exception</c>: that count must stay 0.
/// </summary>
public sealed class PipelineTarget(IReadOnlyList<CapturedFrame> frames) : FuzzTarget
{
    public const int MaxWindow = 48;

    private readonly byte[][] _frameBytes = [.. frames.Select(f => f.Bytes)];

    /// <summary>Events decoded over all cases.</summary>
    public long EventsSeen { get; private set; }

    public override string Name => "pipeline";
    public override string Description => "AnalyzerPipeline.OnFrame: windows of seed frames, some mutated, fragmented, dropped, repeated or swapped";

    public override void RunCase(Random rng, FuzzCase fuzzCase)
    {
        int start = rng.Next(frames.Count);
        var capture = frames[start].Capture;
        var window = new List<CapturedFrame>();
        int size = 1 + rng.Next(MaxWindow);
        for (int i = start; i < frames.Count && window.Count < size && frames[i].Capture == capture; i++)
        {
            var f = frames[i];
            switch (rng.Next(10))
            {
                case 0: continue;
                case 1: window.Add(f); window.Add(f); break;
                case 2 or 3 or 4: window.Add(f with { Bytes = Mutator.Mutate(rng, f.Bytes, _frameBytes, 65535 + 64) }); break;
                case 5: window.AddRange(Ipv4Fragmenter.Fragment(rng, f.Bytes).Select(b => f with { Bytes = b })); break;
                default: window.Add(f); break;
            }
        }
        if (window.Count > 2 && rng.Next(3) == 0)
        {
            int a = rng.Next(window.Count), b = rng.Next(window.Count);
            (window[a], window[b]) = (window[b], window[a]);
        }
        foreach (var f in window) fuzzCase.AddFrame(f.LinkType, f.TimestampUs, f.Bytes);
        if (window.Count > 0) fuzzCase.SetInput(window[^1].Bytes);

        var settings = new PipelineSettings { AlertsPath = null };
        var exceptions = new ExceptionWatch();
        using var pipeline = new AnalyzerPipeline(settings);
        var inventory = new DeviceInventory(settings.Network);
        pipeline.AddObserver(exceptions);
        pipeline.AddObserver(inventory);
        foreach (var f in window)
        {
            pipeline.OnFrame(f.LinkType, f.TimestampUs, f.Bytes, f.Bytes.Length);
            exceptions.ThrowIfAny();
            if (pipeline.ActiveFlows > settings.FlowLimits.MaxFlows) throw new FuzzPropertyException($"{pipeline.ActiveFlows} flows");
        }
        pipeline.Finish();
        exceptions.ThrowIfAny();
        EventsSeen += pipeline.Statistics.Messages;
        if (inventory.Count > DeviceInventory.MaxDevices) throw new FuzzPropertyException($"{inventory.Count} devices");
    }

    /// <summary>Turns the pipeline's decode.exception anomalies back into failures, with their detail.</summary>
    private sealed class ExceptionWatch : IEventSink
    {
        private string? _first;

        public void OnEvent(AnalyzerEvent e) => DatagramTarget.Touch(e);

        public void OnAnomaly(DecodeAnomaly anomaly)
        {
            if (anomaly.Id == "decode.exception") _first ??= anomaly.Detail;
        }

        public void ThrowIfAny()
        {
            if (_first is not null) throw new FuzzPropertyException("decode.exception: " + _first);
        }
    }
}
