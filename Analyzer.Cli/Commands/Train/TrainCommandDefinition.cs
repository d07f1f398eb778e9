using System.CommandLine;
using Analyzer.Cli.Usage;
using Analyzer.Learning;

namespace Analyzer.Cli.Commands.Train;

/// <summary>`analyzer train --labels labels.csv`: trains the anomaly model on labelled captures and evaluates it.</summary>
public static class TrainCommandDefinition
{
    public static readonly Option<string[]> Labels = new("--labels", "-l")
    {
        Description = "labels.csv of the captures to learn from (repeatable); capture names are relative to its directory",
        Required = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string> Out = new("--out", "-o")
    {
        Description = "Model file to write; its metadata goes beside it with the extension .json",
        DefaultValueFactory = _ => CommonOptions.DefaultModelPath,
    };

    public static readonly Option<int> Seed = NumberRange.Whole(new Option<int>("--seed")
    {
        Description = "Seed of the data split and the randomized PCA: the same seed and data give the same model and metrics",
        DefaultValueFactory = _ => 1,
    }, 0, int.MaxValue);

    /// <summary>The longest host window: an hour.</summary>
    public const double MaxWindowSeconds = 3600;

    public static readonly Option<double> Window = NumberRange.Real(new Option<double>("--window")
    {
        Description = "Length of a host window in seconds",
        DefaultValueFactory = _ => FeatureExtractor.DefaultWindowUs / 1e6,
    }, 0, MaxWindowSeconds, aboveMin: true, unit: "seconds");

    /// <summary>More components than any feature vector has dimensions is meaningless.</summary>
    public const int MaxRank = 1000;

    public static readonly Option<int?> Rank = NumberRange.Whole(new Option<int?>("--rank")
    {
        Description = "Principal components the model keeps as 'normal' (default: chosen on the validation split)",
    }, 1, MaxRank);

    /// <summary>A detector that lets half the benign windows through detects nothing.</summary>
    public const double MaxFalseAlarmRate = 0.5;

    public static readonly Option<double> FalseAlarmRate = NumberRange.Real(new Option<double>("--false-alarm-rate")
    {
        Description = "Share of benign validation windows the detector's threshold lets through (0.01 = 1 %)",
        DefaultValueFactory = _ => FalseAlarmThreshold.DefaultRate,
    }, 0, MaxFalseAlarmRate, aboveMin: false);

    public static readonly Option<string[]> Evaluate = new("--evaluate")
    {
        Description = "labels.csv of captures to evaluate the trained model on (repeatable): attack instances flagged per category, false alerts per benign capture",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<bool> LeaveFamilyOut = new("--leave-family-out")
    {
        Description = "With --evaluate: also retrain without each scenario family and evaluate on that family alone",
    };

    public static readonly Option<string?> CrossValidate = new("--cross-validate")
    {
        Description = "One of the --labels files: also hold out its captures fold by fold (captures of one scenario together), train without each fold and count the false alerts on it",
    };

    public static readonly Option<int> Folds = NumberRange.Whole(new Option<int>("--folds")
    {
        Description = "Folds of --cross-validate",
        DefaultValueFactory = _ => 5,
    }, 2, CaptureCrossValidation.MaxFolds);

    public static readonly Option<string[]> Lan = CommonOptions.Lan();

    public static Command Create()
    {
        var command = new Command("train", "Train the model on labelled captures; print held-out recall per category and the false-alarm rate")
        {
            Labels, Out, Seed, Window, Rank, FalseAlarmRate, Evaluate, LeaveFamilyOut, CrossValidate, Folds, Lan,
        };
        command.SetAction((parseResult, cancel) => Task.FromResult(TrainCommand.Run(parseResult, cancel)));
        return command;
    }
}
