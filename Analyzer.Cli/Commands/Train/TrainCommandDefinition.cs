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

    public static readonly Option<double> FalseAlarmRate = new("--false-alarm-rate")
    {
        Description = "Share of benign validation windows the detector's threshold lets through (0.01 = 1 %)",
        DefaultValueFactory = _ => FalseAlarmThreshold.DefaultRate,
    };

    public static readonly Option<string[]> Evaluate = new("--evaluate")
    {
        Description = "labels.csv of captures to evaluate the trained model on (repeatable): attack instances flagged per category, false alerts per benign capture",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<bool> LeaveFamilyOut = new("--leave-family-out")
    {
        Description = "With --evaluate: also retrain without each scenario family and evaluate on that family alone",
    };

    public static readonly Option<string[]> Lan = CommonOptions.Lan();

    public static Command Create()
    {
        Window.Validators.Add(r => { if (r.GetValueOrDefault<double>() is <= 0 or > 3600) r.AddError("--window must be between 0 and 3600 seconds"); });
        Rank.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--rank must be at least 1"); });
        FalseAlarmRate.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (>= 0 and < 1)) r.AddError("--false-alarm-rate must be at least 0 and below 1"); });
        var command = new Command("train", "Train the model on labelled captures; print held-out recall per category and the false-alarm rate")
        {
            Labels, Out, Seed, Window, Rank, FalseAlarmRate, Evaluate, LeaveFamilyOut, Lan,
        };
        command.SetAction((parseResult, cancel) => Task.FromResult(TrainCommand.Run(parseResult, cancel)));
        return command;
    }
}
