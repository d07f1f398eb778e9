using System.CommandLine;
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

    public static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the data split and the randomized PCA: the same seed and data give the same model and metrics",
        DefaultValueFactory = _ => 1,
    };

    public static readonly Option<double> Window = new("--window")
    {
        Description = "Length of a host window in seconds",
        DefaultValueFactory = _ => FeatureExtractor.DefaultWindowUs / 1e6,
    };

    public static readonly Option<int?> Rank = new("--rank")
    {
        Description = "Principal components the model keeps as 'normal' (default: chosen on the validation split)",
    };

    public static readonly Option<double> Margin = new("--margin")
    {
        Description = "Threshold margin above the highest benign training or validation score, as a fraction (0.25 = 25 %)",
        DefaultValueFactory = _ => ThresholdSelector.DefaultMargin,
    };

    public static readonly Option<string[]> Lan = CommonOptions.Lan();

    public static Command Create()
    {
        Window.Validators.Add(r => { if (r.GetValueOrDefault<double>() is <= 0 or > 3600) r.AddError("--window must be between 0 and 3600 seconds"); });
        Rank.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--rank must be at least 1"); });
        Margin.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (>= 0 and <= 10)) r.AddError("--margin must be between 0 and 10"); });
        var command = new Command("train", "Train the anomaly model on labelled captures; print held-out precision, recall, F1 and AUC")
        {
            Labels, Out, Seed, Window, Rank, Margin, Lan,
        };
        command.SetAction((parseResult, cancel) => Task.FromResult(TrainCommand.Run(parseResult, cancel)));
        return command;
    }
}
