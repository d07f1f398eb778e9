using Analyzer.Capture;
using Analyzer.Output;

namespace Analyzer.Pipeline;

/// <summary>
/// Runs several captures, each through its own pipeline: a capture is its own observation (its own clock, flows,
/// windows and learned network), so files never leak state into each other and can run in parallel. With one file
/// the pipeline writes the final outputs directly (alerts appear as they are found); with more, each file writes
/// its own outputs in a scratch folder and they are appended in input order when all are done, so the result is
/// byte for byte the same whatever the number of jobs.
/// </summary>
/// <remarks>
/// <see cref="Jobs"/> is the number of threads the analysis may use. Files run in parallel first, one thread each;
/// a file whose share is two threads or more (one file with <c>--jobs 2</c>, two files with <c>--jobs 4</c>) is also
/// split in stages (<see cref="StagePlacement"/>): read on one thread (<see cref="ReadAhead"/>), decoded on another
/// and judged on a third (<see cref="JudgingThread"/>). Every stage sees the same calls in the same order as on one
/// thread, so the outputs are the same whatever the number.
/// </remarks>
public sealed class BatchAnalyzer(PipelineSettings settings, int jobs)
{
    public sealed record FileOutcome(string File, CaptureResult Result);

    public sealed record BatchResult(PipelineStatistics Statistics, IReadOnlyList<FileOutcome> Files);

    public int Jobs { get; } = Math.Max(1, jobs);

    /// <param name="progress">Progress callback of a file (packets, frame bytes read so far), or null; called from the thread that reads it.</param>
    public BatchResult Run(IReadOnlyList<string> files, Func<string, Action<long, long>?>? progress, CancellationToken cancel)
    {
        var total = new PipelineStatistics();
        if (files.Count <= 1)
        {
            var outcomes = new List<FileOutcome>();
            var placement = StagePlacement.For(Jobs);
            using var pipeline = new AnalyzerPipeline(settings with { Network = settings.Network.Copy() }, judgeOnOwnThread: placement.JudgeOnOwnThread);
            StartupTrace.Mark("pipeline built");
            foreach (var file in files)
                outcomes.Add(new FileOutcome(file, RunOne(pipeline, file, progress?.Invoke(file), placement.ReadOnOwnThread, cancel)));
            pipeline.Finish();
            StartupTrace.Mark("pipeline finished");
            total.Add(pipeline.Statistics);
            return new BatchResult(total, outcomes);
        }

        var scratch = Directory.CreateTempSubdirectory("analyzer-batch-").FullName;
        try
        {
            var results = new CaptureResult?[files.Count];
            var stats = new PipelineStatistics?[files.Count];
            var placement = StagePlacement.For(Jobs / files.Count);
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Jobs }, i =>
            {
                if (cancel.IsCancellationRequested) return;
                using var pipeline = new AnalyzerPipeline(ScratchSettings(scratch, i), judgeOnOwnThread: placement.JudgeOnOwnThread);
                results[i] = RunOne(pipeline, files[i], progress?.Invoke(files[i]), placement.ReadOnOwnThread, cancel);
                pipeline.Finish();
                stats[i] = pipeline.Statistics;
            });
            var outcomes = new List<FileOutcome>();
            for (int i = 0; i < files.Count; i++)
            {
                if (results[i] is not { } r) continue;
                outcomes.Add(new FileOutcome(files[i], r));
                total.Add(stats[i]!);
            }
            foreach (var (final, name) in settings.Outputs())
                Concatenate(final, Enumerable.Range(0, files.Count).Where(i => results[i] is not null).Select(i => Path.Combine(scratch, i.ToString(), name)),
                    keepOneHeader: settings.Format == OutputFormat.Csv);
            return new BatchResult(total, outcomes);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static CaptureResult RunOne(AnalyzerPipeline pipeline, string file, Action<long, long>? progress, bool readAhead,
        CancellationToken cancel)
    {
        pipeline.BeginCapture(file);
        try
        {
            var source = new PcapFileSource(file);
            var result = readAhead
                ? ReadAhead.Run(reader => source.Run(reader, progress, cancel), pipeline)
                : source.Run(pipeline, progress, cancel);
            StartupTrace.Mark("capture read");
            return result;
        }
        finally
        {
            pipeline.EndCapture();
        }
    }

    private PipelineSettings ScratchSettings(string scratch, int index)
    {
        var dir = Directory.CreateDirectory(Path.Combine(scratch, index.ToString())).FullName;
        string ext = settings.FileExtension;
        string? At(string? final, string name) => final is null ? null : Path.Combine(dir, name + ext);
        return settings with
        {
            AlertsPath = At(settings.AlertsPath, "alerts"),
            EventsPath = At(settings.EventsPath, "events"),
            FlowsPath = At(settings.FlowsPath, "flows"),
            MappingsPath = At(settings.MappingsPath, "mappings"),
            DevicesPath = At(settings.DevicesPath, "devices"),
            Network = settings.Network.Copy(),
        };
    }

    /// <summary>Appends the parts to the final file; CSV keeps the header row of the first only (JSON lines have none).</summary>
    private static void Concatenate(string final, IEnumerable<string> parts, bool keepOneHeader)
    {
        using var output = final == "-" ? Console.OpenStandardOutput() : new FileStream(final, FileMode.Create, FileAccess.Write, FileShare.Read);
        bool first = true;
        foreach (var part in parts)
        {
            if (!File.Exists(part)) continue;
            using var input = File.OpenRead(part);
            if (!first && keepOneHeader) SkipLine(input);
            input.CopyTo(output);
            first = false;
        }
    }

    private static void SkipLine(Stream input)
    {
        int b;
        while ((b = input.ReadByte()) >= 0 && b != '\n') { }
    }
}
