using Analyzer.Tests.Rules.Support;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Rules;

/// <summary>
/// The generator's labelled captures (samples/pcaps, labels.csv): every attack instance raises an alert of its
/// category against its attacker or victim, at its time; benign captures raise none.
/// </summary>
public class ScenarioCaptureTests
{
    public static string LabelsPath => Path.Combine(Repo.Samples, "labels.csv");

    public const string AbsentMarker = "(scenario captures absent)";

    /// <summary>Threats no rule can see with the events the decoders give, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownGaps = new Dictionary<string, string>();

    /// <summary>Seconds around an instance within which its alert may be stamped (answers, aggregation, judging delays).</summary>
    public const double SlackSeconds = 45;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        if (File.Exists(LabelsPath))
            foreach (var file in CsvLine.Read(LabelsPath).Select(r => r["file"]).Distinct()) data.Add(file);
        if (data.Count == 0) data.Add(AbsentMarker);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void EveryLabelledAttackRaisesAnAlertOfItsCategoryAndBenignTrafficNone(string file)
    {
        Skip.If(file == AbsentMarker, $"no labels.csv at {LabelsPath}: the sample captures are missing");
        var rows = CsvLine.Read(LabelsPath).Where(r => r["file"] == file).ToList();
        var run = PipelineRunner.Analyze(Path.Combine(Repo.Samples, file));
        var alerts = run.AlertRows.Select(CsvLine.Split).ToList();
        var whole = rows.Single(r => r["start"].Length == 0 && r["attacker"].Length == 0);

        if (whole["label"] == "benign")
        {
            Assert.True(alerts.Count == 0, $"{file} is benign but raised:\n" + string.Join('\n', run.AlertRows));
            return;
        }
        foreach (var instance in rows.Where(r => r["start"].Length > 0))
        {
            var threat = instance["note"].Split(';')[0].Trim();
            if (KnownGaps.ContainsKey(threat)) continue;
            Timestamp(instance["start"], out long start);
            Timestamp(instance["end"], out long end);
            long slack = (long)(SlackSeconds * 1_000_000);
            bool found = alerts.Any(a =>
            {
                Timestamp(a[0], out long t);
                bool hosts = a[4] == instance["attacker"] || a[6] == instance["victim"] || a[4] == instance["victim"];
                bool time = t >= start - slack && (t <= end + slack || int.Parse(a[11]) > 1);
                return a[2] == instance["label"] && hosts && time;
            });
            Assert.True(found, $"{file}: no {instance["label"]} alert for {threat} ({instance["attacker"]} → {instance["victim"]} at {instance["start"]}); alerts:\n"
                + string.Join('\n', run.AlertRows));
        }
    }

    /// <summary>Threats that once were gaps: their instances must raise the very rule of that name, not just its category.</summary>
    public static readonly string[] ClosedGaps = ["soap-huawei-hg532-upgrade"];

    public static TheoryData<string> ClosedGapFiles()
    {
        var data = new TheoryData<string>();
        if (File.Exists(LabelsPath))
            foreach (var file in CsvLine.Read(LabelsPath).Where(r => ClosedGaps.Contains(r["note"].Split(';')[0].Trim())).Select(r => r["file"]).Distinct())
                data.Add(file);
        if (data.Count == 0) data.Add(AbsentMarker);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(ClosedGapFiles))]
    public void EveryInstanceOfAClosedGapRaisesTheRuleOfItsName(string file)
    {
        Skip.If(file == AbsentMarker, $"no labels.csv at {LabelsPath}: the sample captures are missing");
        var alerts = PipelineRunner.Analyze(Path.Combine(Repo.Samples, file)).AlertRows.Select(CsvLine.Split).ToList();
        foreach (var instance in CsvLine.Read(LabelsPath).Where(r => r["file"] == file && r["start"].Length > 0))
        {
            var threat = instance["note"].Split(';')[0].Trim();
            if (!ClosedGaps.Contains(threat)) continue;
            Assert.True(alerts.Any(a => a[1] == threat && a[4] == instance["attacker"] && a[6] == instance["victim"]),
                $"{file}: no {threat} alert for {instance["attacker"]} → {instance["victim"]}");
        }
    }

    private static void Timestamp(string text, out long micros) => Analyzer.Text.Timestamp.TryParse(text, out micros);
}
