using System.CommandLine;
using System.Globalization;
using Analyzer.Capture;
using Analyzer.Cli.Usage;
using Analyzer.Learning;
using Analyzer.Rules;

namespace Analyzer.Cli.Commands.Train;

/// <summary>
/// Reads the labelled captures through the analysis pipeline, trains and evaluates the model, writes it with its
/// metadata, and prints the held-out metrics on stdout (progress and problems on stderr). With --evaluate it also
/// scores other labelled captures, with --leave-family-out retrains without each scenario family, and with
/// --cross-validate retrains without each fold of one labels file's captures.
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
            FalseAlarmRate = parse.GetValue(TrainCommandDefinition.FalseAlarmRate),
            WindowUs = (long)Math.Round(parse.GetValue(TrainCommandDefinition.Window) * 1_000_000),
            LabelsPath = string.Join(", ", parse.GetValue(TrainCommandDefinition.Labels)!),
        };
        var network = new NetworkContext(lan is { Length: > 0 } ? lan.Select(IpPrefix.Parse) : null);
        var evaluate = parse.GetValue(TrainCommandDefinition.Evaluate) ?? [];
        bool leaveFamilyOut = parse.GetValue(TrainCommandDefinition.LeaveFamilyOut);
        if (leaveFamilyOut && evaluate.Length == 0)
        {
            CliConsole.Error("--leave-family-out needs --evaluate (the captures each family is tested on)");
            return ExitCodes.Usage;
        }
        var labels = parse.GetValue(TrainCommandDefinition.Labels)!;
        var crossValidate = parse.GetValue(TrainCommandDefinition.CrossValidate);
        if (crossValidate is not null && !labels.Any(l => Path.GetFullPath(l) == Path.GetFullPath(crossValidate)))
        {
            CliConsole.Error($"--cross-validate {crossValidate}: not one of the --labels files (its captures must be training data to hold out)");
            return ExitCodes.Usage;
        }
        return Train(labels, parse.GetValue(TrainCommandDefinition.Out)!, options, network,
            Console.Out, cancel, evaluate, leaveFamilyOut, crossValidate, parse.GetValue(TrainCommandDefinition.Folds));
    }

    public static int Train(IReadOnlyList<string> labelsPaths, string outPath, AnomalyTrainerOptions options, NetworkContext network,
        TextWriter output, CancellationToken cancel, IReadOnlyList<string>? evaluatePaths = null, bool leaveFamilyOut = false,
        string? crossValidatePath = null, int foldCount = 5)
    {
        string? outDirectory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (outDirectory is not null && !Directory.Exists(outDirectory))
        {
            CliConsole.Error($"{outPath}: directory {outDirectory} does not exist");
            return ExitCodes.BadInput;
        }

        if (ReadCaptures(labelsPaths) is not { } captures) return ExitCodes.BadInput;
        List<CaptureLabels>? evaluation = null;
        if (evaluatePaths is { Count: > 0 } && (evaluation = ReadCaptures(evaluatePaths)) is null) return ExitCodes.BadInput;
        var outputs = new[] { new NamedPath("--out", outPath), new NamedPath("the model's metadata", AnomalyModel.MetadataPath(outPath)) };
        var inputs = labelsPaths.Concat(evaluatePaths ?? []).Select(l => new NamedPath("the labels file", l))
            .Concat(captures.Concat(evaluation ?? []).Select(c => new NamedPath("the input capture", c.Path))).ToList();
        if (OutputCollisions.Find(outputs, inputs) is { } collision)
        {
            CliConsole.Error(collision);
            return ExitCodes.Usage;
        }
        if (Extract(captures, network, options, cancel) is not { } windows) return ExitCodes.BadInput;
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
        output.WriteLine($"split (seed {m.Seed}, by host and capture): train {d.TrainBenignWindows} benign + {d.TrainAttackWindows} attack; validation {d.ValidationBenignWindows} benign + {d.ValidationAttackWindows} attack; test {d.TestBenignWindows} benign + {d.TestAttackWindows} attack");
        output.WriteLine(string.Create(inv, $"detector: randomized PCA on standardized features, rank {m.Rank} ({m.RankRule}); threshold {m.DetectorThreshold:0.####} ({m.ThresholdRule})"));
        output.WriteLine(m.Classes.Count > 0
            ? string.Create(inv, $"category model: FastTree one-versus-all over {string.Join(", ", m.Classes)}; flags at a probability of not benign of {m.CategoryCut:0.##} or more, lets the detector flag from {m.CategoryGate:0.##}; trained on {m.CategoryData}")
            : "category model: none (no attack windows in training)");
        output.WriteLine("validation: " + MetricsLine(m.Validation));
        output.WriteLine("held-out test: " + (m.Test is { } test ? MetricsLine(test) : "no windows left for a test split"));
        if (result.Split.Test.Count > 0) output.WriteLine("held-out test recall by category: " + TestRecallByCategory(result));

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

        List<LabeledWindow> evaluationWindows = [];
        if (evaluation is not null)
        {
            if (Extract(evaluation, network, options, cancel) is not { } extracted) return ExitCodes.BadInput;
            evaluationWindows = extracted;
            output.WriteLine($"evaluation on {evaluation.Count} other captures ({string.Join(", ", evaluatePaths!)}), as analyze --no-rules alerts:");
            EvaluationReport.Write(output, ModelEvaluation.Evaluate(result.Model, evaluation, evaluationWindows));
        }
        if (crossValidatePath is not null)
        {
            var crossPaths = ReadCaptures([crossValidatePath])!.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
            var crossCaptures = captures.Where(c => crossPaths.Contains(c.Path)).ToList();
            output.WriteLine($"cross-validation by capture over {crossValidatePath} (rank fixed at {m.Rank}): each fold trained without its captures, scored on them{(evaluation is null ? "" : " and on the other --evaluate captures")}:");
            // The fold models are also scored on the --evaluate captures, less the cross-validated ones (counted above).
            var others = (evaluation ?? []).Where(c => !crossPaths.Contains(c.Path)).ToList();
            var otherPaths = others.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
            var folds = CaptureCrossValidation.Run(windows, crossCaptures, foldCount, others,
                evaluationWindows.Where(w => otherPaths.Contains(w.Window.Capture)).ToList(), options with { Rank = m.Rank });
            EvaluationReport.WriteFolds(output, folds);
        }
        if (evaluation is not null && leaveFamilyOut)
        {
            output.WriteLine($"leave one scenario family out (rank fixed at {m.Rank}): trained without the family (and without mixed captures), evaluated on it alone:");
            var families = FamilyHoldout.Run(captures, windows, evaluation, evaluationWindows, options with { Rank = m.Rank });
            EvaluationReport.WriteFamilies(output, families);
        }
        return ExitCodes.Success;
    }

    private static List<CaptureLabels>? ReadCaptures(IReadOnlyList<string> labelsPaths)
    {
        try
        {
            return TrainingLabels.Read(labelsPaths);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            CliConsole.Error(e.Message);
            return null;
        }
    }

    private static List<LabeledWindow>? Extract(List<CaptureLabels> captures, NetworkContext network, AnomalyTrainerOptions options, CancellationToken cancel)
    {
        try
        {
            return TrainingCaptures.Extract(captures, network, options.WindowUs, cancel: cancel);
        }
        catch (Exception e) when (e is InvalidDataException or CaptureException)
        {
            CliConsole.Error(e.Message);
            return null;
        }
    }

    /// <summary>Flagged share of the held-out test split's attack windows, by the category their labels give.</summary>
    private static string TestRecallByCategory(TrainingResult result)
    {
        var scorer = new AnomalyScorer(result.Model);
        var attacks = result.Split.Test.Where(w => w.Label == WindowLabel.Attack).ToList();
        if (attacks.Count == 0) return "no attack windows";
        return string.Join(", ", attacks.GroupBy(w => w.Class).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            $"{g.Key} {g.Count(w => scorer.Score(w.Window.Features) >= scorer.Threshold)}/{g.Count()}"));
    }

    /// <summary>Precision, recall, false-alarm rate, F1 and AUC with the counts behind them; "n/a" where undefined.</summary>
    public static string MetricsLine(DetectionMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"precision {F(m.Precision)}  recall {F(m.Recall)}  false-alarm rate {F(m.FalsePositiveRate)}  F1 {F(m.F1)}  AUC {F(m.Auc)}  (TP {m.TruePositives}, FP {m.FalsePositives}, TN {m.TrueNegatives}, FN {m.FalseNegatives}); highest benign score {F(m.HighestBenignScore)}");

    internal static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static int Count(List<LabeledWindow> windows, WindowLabel label) => windows.Count(w => w.Label == label);
}
