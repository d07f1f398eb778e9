using Analyzer.Labels;
using Analyzer.Learning;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Learning;

/// <summary>The train verb and the model options of analyze, run as the real program.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Four benign captures and two with a NAT-PMP flood, with their labels.csv.</summary>
    private string LabelledSet()
    {
        var rows = new List<LabelRow>();
        for (int i = 0; i < 6; i++)
        {
            bool attack = i >= 4;
            string name = $"capture-{i}.pcap";
            long offset = i * 60_000_000L;
            LearningCaptures.Write(_dir.File(name), attack, offset);
            rows.Add(new LabelRow(name, attack ? LabelNames.PortmapAbuse : LabelNames.Benign));
            if (attack)
                rows.Add(new LabelRow(name, LabelNames.PortmapAbuse, "test", LearningCaptures.Attacker, LearningCaptures.Router,
                    Time(LearningCaptures.AttackStartUs + offset), Time(LearningCaptures.AttackEndUs + offset), "igd-map-flood"));
        }
        string labels = _dir.File(LabelsFile.FileName);
        LabelsFile.Write(labels, rows);
        return labels;
    }

    private static DateTime Time(long us) => DateTime.UnixEpoch.AddTicks(us * 10);

    [Fact]
    public void TrainWritesTheModelAndItsMetadataAndPrintsHeldOutMetrics()
    {
        string labels = LabelledSet();
        var result = CliRunner.Run(_dir.Path, "train", "--labels", labels, "--out", _dir.File("m.zip"), "--rank", "4");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("read 6 captures: ", result.Stdout);
        Assert.Matches(@"held-out test: precision [0-9.na/]+  recall [0-9.na/]+  false-alarm rate [0-9.]+  F1 [0-9.na/]+  AUC [0-9.na/]+", result.Stdout);
        Assert.Contains("category model: FastTree one-versus-all over benign, portmap-abuse;", result.Stdout);
        var model = AnomalyModel.Load(_dir.File("m.zip"));
        Assert.Equal(HostWindowFeatures.Names, model.Metadata.Features);
        Assert.Equal(1, model.Metadata.Seed);
        Assert.Equal(6, model.Metadata.Data.Captures.Count);
        Assert.True(model.Metadata.Data.ValidationAttackWindows + model.Metadata.Data.TestAttackWindows > 0);
    }

    [Fact]
    public void TheFalseAlarmRateOptionIsRecordedAndOneOutsideZeroToOneIsAUsageError()
    {
        string labels = LabelledSet();
        var result = CliRunner.Run(_dir.Path, "train", "--labels", labels, "--out", _dir.File("m.zip"), "--rank", "4", "--false-alarm-rate", "0.05");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(false-alarm rate 5 % on ", result.Stdout);
        Assert.Equal(0.05, AnomalyModel.Load(_dir.File("m.zip")).Metadata.FalseAlarmRate);
        Assert.Equal(2, CliRunner.Run(_dir.Path, "train", "--labels", labels, "--false-alarm-rate", "-1").ExitCode);
        Assert.Equal(2, CliRunner.Run(_dir.Path, "train", "--labels", labels, "--false-alarm-rate", "1").ExitCode);
    }

    [Fact]
    public void EvaluateReportsInstancesPerCategoryAndFalseAlertsOnOtherCaptures()
    {
        string labels = LabelledSet();
        var other = new TempDir();
        try
        {
            LearningCaptures.Write(other.File("benign.pcap"), false, 600_000_000L);
            LearningCaptures.Write(other.File("mapping-flood.pcap"), true, 660_000_000L);
            LabelsFile.Write(other.File(LabelsFile.FileName), [
                new LabelRow("benign.pcap", LabelNames.Benign),
                new LabelRow("mapping-flood.pcap", LabelNames.PortmapAbuse),
                new LabelRow("mapping-flood.pcap", LabelNames.PortmapAbuse, "test", LearningCaptures.Attacker, LearningCaptures.Router,
                    Time(LearningCaptures.AttackStartUs + 660_000_000L), Time(LearningCaptures.AttackEndUs + 660_000_000L), "igd-map-flood"),
            ]);
            var result = CliRunner.Run(_dir.Path, "train", "--labels", labels, "--out", _dir.File("m.zip"), "--rank", "4",
                "--evaluate", other.File(LabelsFile.FileName), "--leave-family-out");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("  portmap-abuse         1/1    instances flagged (100 %)", result.Stdout);
            Assert.Contains("  false alerts: 0 on 1 benign captures (0 per ten), 0 on benign hosts of attack captures;", result.Stdout);
            Assert.Contains("leave one scenario family out (rank fixed at ", result.Stdout);
            Assert.Contains("  mapping-flood                  1/1   instances flagged; portmap-abuse 1/1;", result.Stdout);
            Assert.Equal(2, CliRunner.Run(_dir.Path, "train", "--labels", labels, "--leave-family-out").ExitCode);
        }
        finally
        {
            other.Dispose();
        }
    }

    [Fact]
    public void CrossValidateHoldsOutTheCapturesOfOneLabelsFileFoldByFold()
    {
        string labels = LabelledSet();
        var result = CliRunner.Run(_dir.Path, "train", "--labels", labels, "--out", _dir.File("m.zip"), "--rank", "4",
            "--cross-validate", labels, "--folds", "3");

        Assert.Equal(0, result.ExitCode);
        // The rank is the saved model's, which the few varying features of these captures may hold below 4.
        Assert.Matches($@"cross-validation by capture over {System.Text.RegularExpressions.Regex.Escape(labels)} \(rank fixed at \d+\): each fold trained without its captures, scored on them:", result.Stdout);
        Assert.Equal(3, result.Stdout.Split('\n').Count(l => l.StartsWith("  fold ", StringComparison.Ordinal)));
        Assert.Matches(@"  held-out captures: \d+ false alerts on 6 captures \([0-9.]+ per ten; \d+ captures with any\), \d+ benign windows", result.Stdout);

        var other = CliRunner.Run(_dir.Path, "train", "--labels", labels, "--out", _dir.File("m.zip"), "--cross-validate", "other.csv");
        Assert.Equal(2, other.ExitCode);
        Assert.Equal("error: --cross-validate other.csv: not one of the --labels files (its captures must be training data to hold out)", other.StderrLines[0]);
        Assert.Equal(2, CliRunner.Run(_dir.Path, "train", "--labels", labels, "--cross-validate", labels, "--folds", "1").ExitCode);
    }

    [Fact]
    public void TrainingTwiceWithTheSameSeedPrintsTheSameMetrics()
    {
        string labels = LabelledSet();
        var first = CliRunner.Run(_dir.Path, "train", "--labels", labels, "--out", _dir.File("a.zip"), "--seed", "5", "--rank", "4");
        var second = CliRunner.Run(_dir.Path, "train", "--labels", labels, "--out", _dir.File("b.zip"), "--seed", "5", "--rank", "4");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout.Replace("a.zip", "").Replace("a.json", ""), second.Stdout.Replace("b.zip", "").Replace("b.json", ""));
        Assert.Equal(File.ReadAllText(_dir.File("a.json")), File.ReadAllText(_dir.File("b.json")));
    }

    [Fact]
    public void AMissingLabelsFileOrCaptureIsAOneLineErrorWithExitOne()
    {
        var missing = CliRunner.Run(_dir.Path, "train", "--labels", "none.csv", "--out", "m.zip");
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("error: none.csv: no such file", missing.StderrLines[0]);

        File.WriteAllText(_dir.File("labels.csv"), "file,label\ngone.pcap,benign\n");
        var gone = CliRunner.Run(_dir.Path, "train", "--labels", "labels.csv", "--out", "m.zip");
        Assert.Equal(1, gone.ExitCode);
        Assert.Equal("error: gone.pcap: no such file (named in the labels)", gone.StderrLines[0]);
    }

    [Fact]
    public void AnalyzeWithTheTrainedModelFlagsTheAttackerAndScoresAlerts()
    {
        var trained = CliRunner.Run(_dir.Path, "train", "--labels", LabelledSet(), "--out", _dir.File("m.zip"), "--rank", "4");
        Assert.Equal(0, trained.ExitCode);
        var result = CliRunner.Run(_dir.Path, "analyze", "--model", "m.zip", "--no-rules", "-o", "alerts.csv", "capture-5.pcap");

        Assert.Equal(0, result.ExitCode);
        var alerts = File.ReadAllLines(_dir.File("alerts.csv"));
        Assert.Contains(alerts, a => a.Contains(",ml-anomaly,anomaly,") && a.Contains($",{LearningCaptures.Attacker},"));
        Assert.DoesNotContain("note: no model", result.Stderr);
    }

    [Fact]
    public void AnExplicitModelThatIsMissingOrCorruptIsAnErrorWithExitOne()
    {
        LearningCaptures.Write(_dir.File("c.pcap"), false);
        var missing = CliRunner.Run(_dir.Path, "analyze", "--model", "none.zip", "-o", "alerts.csv", "c.pcap");
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("error: none.zip: model file not found", Assert.Single(missing.StderrLines));

        File.WriteAllText(_dir.File("bad.zip"), "not a zip");
        File.WriteAllText(_dir.File("bad.json"), "{}");
        var corrupt = CliRunner.Run(_dir.Path, "analyze", "--model", "bad.zip", "-o", "alerts.csv", "c.pcap");
        Assert.Equal(1, corrupt.ExitCode);
        Assert.StartsWith("error: bad.json: ", Assert.Single(corrupt.StderrLines));
    }

    [Fact]
    public void WithoutAModelInTheWorkingDirectoryAnalyzeUsesTheOneBesideTheProgram()
    {
        LearningCaptures.Write(_dir.File("c.pcap"), false);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "models", "upnp-anomaly.zip")), "the build copies the model beside the program");
        var result = CliRunner.Run(_dir.Path, "analyze", "-o", "alerts.csv", "c.pcap");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("note: no model", result.Stderr);

        var quiet = CliRunner.Run(_dir.Path, "analyze", "--no-model", "-o", "alerts.csv", "c.pcap");
        Assert.DoesNotContain("note: no model", quiet.Stderr);
    }
}
