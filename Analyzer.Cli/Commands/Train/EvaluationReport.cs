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
}
