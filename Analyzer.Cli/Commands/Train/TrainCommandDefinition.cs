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

    /// <summary>The largest threshold margin: ten times the highest benign score.</summary>
    public const double MaxMargin = 10;

    public static readonly Option<double> Margin = NumberRange.Real(new Option<double>("--margin")
    {
        Description = "Threshold margin above the highest benign training or validation score, as a fraction (0.25 = 25 %)",
        DefaultValueFactory = _ => ThresholdSelector.DefaultMargin,
    }, 0, MaxMargin, aboveMin: false);

    public static readonly Option<string[]> Lan = CommonOptions.Lan();

    public static Command Create()
    {
        var command = new Command("train", "Train the anomaly model on labelled captures; print held-out precision, recall, F1 and AUC")
        {
            Labels, Out, Seed, Window, Rank, Margin, Lan,
        };
        command.SetAction((parseResult, cancel) => Task.FromResult(TrainCommand.Run(parseResult, cancel)));
        return command;
    }
}
