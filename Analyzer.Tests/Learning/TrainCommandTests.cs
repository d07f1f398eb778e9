using Analyzer.Generation.Labels;
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
        Assert.Matches(@"held-out test: precision [0-9.]+  recall [0-9.]+  F1 [0-9.]+  AUC [0-9.]+", result.Stdout);
        var model = AnomalyModel.Load(_dir.File("m.zip"));
        Assert.Equal(HostWindowFeatures.Names, model.Metadata.Features);
        Assert.Equal(1, model.Metadata.Seed);
        Assert.Equal(6, model.Metadata.Data.Captures.Count);
        Assert.True(model.Metadata.Data.ValidationAttackWindows + model.Metadata.Data.TestAttackWindows > 0);
    }

    [Fact]
    public void TheMarginOptionSetsTheThresholdAboveTheBenignCeilingAndANegativeOneIsAUsageError()
    {
        string labels = LabelledSet();
        var result = CliRunner.Run(_dir.Path, "train", "--labels", labels, "--out", _dir.File("m.zip"), "--rank", "4", "--margin", "0.5");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("plus a margin of 50 %", result.Stdout);
        var m = AnomalyModel.Load(_dir.File("m.zip")).Metadata;
        Assert.Equal(0.5, m.Margin);
        Assert.Equal(1.5 * m.BenignCeiling, m.Threshold, 12);
        Assert.Equal(2, CliRunner.Run(_dir.Path, "train", "--labels", labels, "--margin", "-1").ExitCode);
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
