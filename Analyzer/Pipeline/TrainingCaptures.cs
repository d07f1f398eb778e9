using Analyzer.Capture;
using Analyzer.Learning;

namespace Analyzer.Pipeline;

/// <summary>
/// Reads labelled captures through the analysis pipeline itself (rules off, no outputs, a
/// <see cref="FeatureExtractor"/> as observer), so training sees exactly the events and features scoring will see.
/// </summary>
public static class TrainingCaptures
{
    /// <summary>The labelled windows of every capture, in capture order then window order.</summary>
    /// <exception cref="CaptureException">A capture cannot be opened.</exception>
    /// <exception cref="InvalidDataException">A capture is damaged (the message names it).</exception>
    public static List<LabeledWindow> Extract(IReadOnlyList<CaptureLabels> captures, NetworkContext network, long windowUs,
        Action<CaptureLabels, CaptureResult>? onCapture = null, CancellationToken cancel = default)
    {
        var windows = new List<LabeledWindow>();
        CaptureLabels? current = null;
        var settings = new PipelineSettings { AlertsPath = null, RulesEnabled = false, Network = network };
        using var pipeline = new AnalyzerPipeline(settings);
        pipeline.AddObserver(new FeatureExtractor(network, windowUs, w => windows.Add(new LabeledWindow(w, current!.LabelOf(w), current.CategoryOf(w)))));
        foreach (var capture in captures)
        {
            cancel.ThrowIfCancellationRequested();
            current = capture;
            pipeline.BeginCapture(capture.Path);
            CaptureResult result;
            try
            {
                result = new PcapFileSource(capture.Path).Run(pipeline, null, cancel);
            }
            finally
            {
                pipeline.EndCapture();
            }
            if (!result.Succeeded) throw new InvalidDataException($"{capture.Path}: {result.Error}");
            onCapture?.Invoke(capture, result);
        }
        pipeline.Finish();
        return windows;
    }
}
