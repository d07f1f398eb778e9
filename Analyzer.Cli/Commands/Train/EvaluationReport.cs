using System.Globalization;
using Analyzer.Learning;

namespace Analyzer.Cli.Commands.Train;

/// <summary>Prints a <see cref="ModelEvaluation"/>: instances flagged per category, false alerts, what was missed.</summary>
public static class EvaluationReport
{
    /// <summary>The categories the product exists to flag, reported together.</summary>
    public static readonly string[] MissionCategories = ["portmap-abuse", "rogue-cast"];

    public static void Write(TextWriter output, ModelEvaluation e)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var (category, flagged, instances) in e.Categories)
            output.WriteLine(string.Create(inv, $"  {category,-18} {flagged,4}/{instances,-4} instances flagged ({(double)flagged / instances * 100:0} %)"));
        output.WriteLine(string.Create(inv,
            $"  port-mapping abuse and rogue cast: {TrainCommand.F(e.Recall(MissionCategories))}; all attack instances: {e.Flagged}/{e.Instances} = {TrainCommand.F(e.Recall())}"));
        output.WriteLine(string.Create(inv,
            $"  false alerts: {e.BenignCaptureAlerts} on {e.BenignCaptures} benign captures ({(e.BenignCaptures == 0 ? 0 : 10.0 * e.BenignCaptureAlerts / e.BenignCaptures):0.##} per ten), {e.BystanderAlerts} on benign hosts of attack captures; false-alarm rate {TrainCommand.F(e.BenignWindows == 0 ? null : (double)e.FlaggedBenignWindows / e.BenignWindows)} of {e.BenignWindows} benign windows"));
        if (e.Missed.Count > 0) output.WriteLine("  missed: " + string.Join("; ", e.Missed));
        if (e.FalseAlerts.Count > 0) output.WriteLine("  false alerts: " + string.Join("; ", e.FalseAlerts));
    }

    public static void WriteFamilies(TextWriter output, IReadOnlyList<(string Family, ModelEvaluation Result)> families)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var (family, e) in families)
            output.WriteLine(string.Create(inv,
                $"  {family,-28} {e.Flagged,3}/{e.Instances,-3} instances flagged; {string.Join(", ", e.Categories.Select(c => $"{c.Category} {c.Flagged}/{c.Instances}"))}; false alerts on its benign hosts {e.BystanderAlerts}"));
        var all = families.SelectMany(f => f.Result.Categories).GroupBy(c => c.Category).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        output.WriteLine("  by category: " + string.Join(", ", all.Select(g => $"{g.Key} {g.Sum(c => c.Flagged)}/{g.Sum(c => c.Instances)}")));
        int flagged = families.Sum(f => f.Result.Flagged), instances = families.Sum(f => f.Result.Instances);
        int mission = all.Where(g => MissionCategories.Contains(g.Key)).Sum(g => g.Sum(c => c.Flagged));
        int missionInstances = all.Where(g => MissionCategories.Contains(g.Key)).Sum(g => g.Sum(c => c.Instances));
        output.WriteLine(string.Create(inv,
            $"  port-mapping abuse and rogue cast: {mission}/{missionInstances}; all attack instances: {flagged}/{instances} = {TrainCommand.F(instances == 0 ? null : (double)flagged / instances)}"));
    }

    /// <summary>Per fold: the captures held out, the false alerts on them and the attack recall on the --evaluate
    /// captures; then the totals over all folds.</summary>
    public static void WriteFolds(TextWriter output, IReadOnlyList<CaptureCrossValidation.Fold> folds)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var fold in folds)
        {
            var h = fold.HeldOutResult;
            output.WriteLine(string.Create(inv,
                $"  fold {fold.Number}: {fold.HeldOut.Count} captures held out ({h.BenignWindows} benign windows): {h.FlaggedBenignWindows} false alerts on {h.CapturesWithFalseAlerts} of them{(fold.Evaluation is { } e ? $"; --evaluate: port-mapping abuse and rogue cast {TrainCommand.F(e.Recall(MissionCategories))}, all attack instances {e.Flagged}/{e.Instances} = {TrainCommand.F(e.Recall())}, {e.FlaggedBenignWindows} false alerts" : "")}"));
            output.WriteLine("    held out: " + string.Join(", ", fold.HeldOut.Select(c => c.Path)));
            if (h.FalseAlerts.Count > 0) output.WriteLine("    false alerts: " + string.Join("; ", h.FalseAlerts));
        }
        int captures = folds.Sum(f => f.HeldOut.Count), alerts = folds.Sum(f => f.HeldOutResult.FlaggedBenignWindows);
        int alertedCaptures = folds.Sum(f => f.HeldOutResult.CapturesWithFalseAlerts);
        output.WriteLine(string.Create(inv,
            $"  held-out captures: {alerts} false alerts on {captures} captures ({(captures == 0 ? 0 : 10.0 * alerts / captures):0.##} per ten; {alertedCaptures} captures with any), {folds.Sum(f => f.HeldOutResult.BenignWindows)} benign windows"));
        var evaluated = folds.Where(f => f.Evaluation is not null).Select(f => f.Evaluation!).ToList();
        if (evaluated.Count > 0)
            output.WriteLine(string.Create(inv,
                $"  --evaluate across folds: port-mapping abuse and rogue cast {string.Join(", ", evaluated.Select(e => TrainCommand.F(e.Recall(MissionCategories))))}; all attack instances {string.Join(", ", evaluated.Select(e => TrainCommand.F(e.Recall())))}"));
    }
}
