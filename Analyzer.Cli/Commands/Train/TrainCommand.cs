using System.CommandLine;
using System.Globalization;
using Analyzer.Capture;
using Analyzer.Cli.Usage;
using Analyzer.Generation.Labels;
using Analyzer.Learning;
using Analyzer.Rules;

namespace Analyzer.Cli.Commands.Train;

/// <summary>
/// Reads the labelled captures through the analysis pipeline, trains and evaluates the model, writes it with its
/// metadata, and prints the held-out metrics on stdout (progress and problems on stderr).
/// </summary>
public static class TrainCommand
{
    public static int Run(ParseResult parse, CancellationToken cancel)
    {
        var lan = parse.GetValue(TrainCommandDefinition.Lan);
        var options = new AnomalyTrainerOptions
        {
            Seed = parse.GetValue(TrainCommandDefinition.Seed),
            Rank = parse.GetValue(TrainCommandDefinition.Rank),
            Margin = parse.GetValue(TrainCommandDefinition.Margin),
            WindowUs = (long)Math.Round(parse.GetValue(TrainCommandDefinition.Window) * 1_000_000),
            LabelsPath = string.Join(", ", parse.GetValue(TrainCommandDefinition.Labels)!),
        };
        var network = new NetworkContext(lan is { Length: > 0 } ? lan.Select(IpPrefix.Parse) : null);
        return Train(parse.GetValue(TrainCommandDefinition.Labels)!, parse.GetValue(TrainCommandDefinition.Out)!, options, network,
            Console.Out, cancel);
    }

    public static int Train(IReadOnlyList<string> labelsPaths, string outPath, AnomalyTrainerOptions options, NetworkContext network,
        TextWriter output, CancellationToken cancel)
    {
        string? outDirectory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (outDirectory is not null && !Directory.Exists(outDirectory))
        {
            CliConsole.Error($"{outPath}: directory {outDirectory} does not exist");
            return ExitCodes.BadInput;
        }

        var captures = new List<CaptureLabels>();
        foreach (string labelsPath in labelsPaths)
        {
            try
            {
                foreach (var capture in TrainingLabels.FromRows(labelsPath, LabelsFile.Read(labelsPath)))
                    if (!captures.Any(c => c.Path == capture.Path)) captures.Add(capture);
            }
            catch (FileNotFoundException)
            {
                CliConsole.Error($"{labelsPath}: no such file");
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is LabelsFormatException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                CliConsole.Error(e is LabelsFormatException ? $"{labelsPath}: {e.Message}" : e.Message);
                return ExitCodes.BadInput;
            }
        }
        foreach (var capture in captures)
            if (!File.Exists(capture.Path))
            {
                CliConsole.Error($"{capture.Path}: no such file (named in the labels)");
                return ExitCodes.BadInput;
            }
        var outputs = new[] { new NamedPath("--out", outPath), new NamedPath("the model's metadata", AnomalyModel.MetadataPath(outPath)) };
        var inputs = labelsPaths.Select(l => new NamedPath("the labels file", l))
            .Concat(captures.Select(c => new NamedPath("the input capture", c.Path))).ToList();
        if (OutputCollisions.Find(outputs, inputs) is { } collision)
        {
            CliConsole.Error(collision);
            return ExitCodes.Usage;
        }

        List<LabeledWindow> windows;
        try
        {
            windows = TrainingCaptures.Extract(captures, network, options.WindowUs, cancel: cancel);
        }
        catch (Exception e) when (e is InvalidDataException or CaptureException)
        {
            CliConsole.Error(e.Message);
            return ExitCodes.BadInput;
        }
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv,
            $"read {captures.Count} capture{(captures.Count == 1 ? "" : "s")}: {windows.Count} host windows of {options.WindowUs / 1e6:0.###} s ({Count(windows, WindowLabel.Benign)} benign, {Count(windows, WindowLabel.Attack)} attack, {Count(windows, WindowLabel.Excluded)} excluded)"));

        TrainingResult result;
        try
        {
            result = AnomalyModelTrainer.Train(windows, options);
        }
        catch (InvalidOperationException e)
        {
            CliConsole.Error(e.Message);
            return ExitCodes.BadInput;
        }
        var m = result.Metadata;
        var d = m.Data;
        output.WriteLine($"split (seed {m.Seed}, by host and capture): train {d.TrainBenignWindows} benign; validation {d.ValidationBenignWindows} benign + {d.ValidationAttackWindows} attack; test {d.TestBenignWindows} benign + {d.TestAttackWindows} attack");
        output.WriteLine(string.Create(inv, $"model: randomized PCA, rank {m.Rank} ({m.RankRule}); threshold {m.Threshold:0.####} ({m.ThresholdRule})"));
        output.WriteLine("validation: " + MetricsLine(m.Validation));
        output.WriteLine("held-out test: " + (m.Test is { } test ? MetricsLine(test) : "no windows left for a test split"));

        try
        {
            result.Model.Save(outPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CliConsole.Error($"{outPath}: cannot write: {e.Message}");
            return ExitCodes.BadInput;
        }
        output.WriteLine($"wrote {outPath} and {AnomalyModel.MetadataPath(outPath)}");
        return ExitCodes.Success;
    }

    /// <summary>Precision, recall, F1 and AUC with the counts behind them; "n/a" where undefined.</summary>
    public static string MetricsLine(DetectionMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"precision {F(m.Precision)}  recall {F(m.Recall)}  F1 {F(m.F1)}  AUC {F(m.Auc)}  (TP {m.TruePositives}, FP {m.FalsePositives}, TN {m.TrueNegatives}, FN {m.FalseNegatives}); highest benign score {F(m.HighestBenignScore)}");

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static int Count(List<LabeledWindow> windows, WindowLabel label) => windows.Count(w => w.Label == label);
}
