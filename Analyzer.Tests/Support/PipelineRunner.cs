using Analyzer.Capture;
using Analyzer.Pipeline;

namespace Analyzer.Tests.Support;

/// <summary>Runs captures through the real pipeline in-process and returns what it decoded and raised.</summary>
public static class PipelineRunner
{
    public sealed record Run(MessageCounter Counter, PipelineStatistics Statistics, string AlertsCsv, IReadOnlyList<CaptureResult> Results)
    {
        public string[] AlertRows => AlertsCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
    }

    public static Run Analyze(IEnumerable<string> files, Func<PipelineSettings, PipelineSettings>? configure = null)
    {
        using var dir = new TempDir();
        var settings = new PipelineSettings { AlertsPath = dir.File("alerts.csv") };
        if (configure is not null) settings = configure(settings);
        var counter = new MessageCounter();
        var results = new List<CaptureResult>();
        PipelineStatistics stats;
        using (var pipeline = new AnalyzerPipeline(settings))
        {
            pipeline.AddObserver(counter);
            foreach (var file in files)
            {
                pipeline.BeginCapture(file);
                results.Add(new PcapFileSource(file).Run(pipeline));
                pipeline.EndCapture();
            }
            pipeline.Finish();
            stats = pipeline.Statistics;
        }
        return new Run(counter, stats, File.ReadAllText(settings.AlertsPath!), results);
    }

    public static Run Analyze(params string[] files) => Analyze(files, null);
}
