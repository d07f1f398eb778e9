using Analyzer.Labels;
using Analyzer.Learning;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Learning;

/// <summary>Labels files turned into the trainer's per-capture labels.</summary>
public sealed class TrainingLabelsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Labels(string directory, params LabelRow[] rows)
    {
        Directory.CreateDirectory(_dir.File(directory));
        foreach (var file in rows.Select(r => r.File).Distinct()) File.WriteAllBytes(Path.Combine(_dir.File(directory), file), []);
        string path = Path.Combine(_dir.File(directory), LabelsFile.FileName);
        LabelsFile.Write(path, rows);
        return path;
    }

    [Fact]
    public void ACaptureIsNamedBesideItsLabelsFileAndOneWithoutAWholeFileRowIsMixed()
    {
        string labels = Labels("a",
            new LabelRow("benign.pcap", LabelNames.Benign),
            new LabelRow("attack.pcap", LabelNames.Recon, "", "192.168.1.66", "192.168.1.1",
                DateTime.UnixEpoch.AddSeconds(10), DateTime.UnixEpoch.AddSeconds(20)));

        var captures = TrainingLabels.Read([labels]);

        Assert.Equal([_dir.File("a/benign.pcap"), _dir.File("a/attack.pcap")], captures.Select(c => c.Path));
        Assert.Equal(LabelNames.Benign, captures[0].FileLabel);
        Assert.Empty(captures[0].Attacks);
        Assert.Equal(LabelNames.Mixed, captures[1].FileLabel);
        var attack = Assert.Single(captures[1].Attacks);
        Assert.Equal(NetAddress.Parse("192.168.1.66"), attack.Attacker);
        Assert.Equal(NetAddress.Parse("192.168.1.1"), attack.Victim);
        Assert.Equal((10_000_000L, 20_000_000L, LabelNames.Recon), (attack.StartUs, attack.EndUs, attack.Category));
    }

    [Fact]
    public void ACaptureNamedByTwoLabelsFilesKeepsTheLabelsOfTheFirst()
    {
        string first = Labels("a", new LabelRow("one.pcap", LabelNames.Benign));
        string second = Path.Combine(_dir.Path, "a", "second.csv");
        LabelsFile.Write(second, [new LabelRow("one.pcap", LabelNames.Recon), new LabelRow("two.pcap", LabelNames.Benign)]);
        File.WriteAllBytes(_dir.File("a/two.pcap"), []);

        var captures = TrainingLabels.Read([first, second]);

        Assert.Equal([(_dir.File("a/one.pcap"), LabelNames.Benign), (_dir.File("a/two.pcap"), LabelNames.Benign)],
            captures.Select(c => (c.Path, c.FileLabel)));
    }

    [Fact]
    public void AMissingOrMalformedLabelsFileOrAMissingCaptureIsAOneLineErrorNamingTheFile()
    {
        string missing = _dir.File("none.csv");
        Assert.Equal($"{missing}: no such file", Assert.Throws<InvalidDataException>(() => TrainingLabels.Read([missing])).Message);

        string malformed = _dir.File("bad.csv");
        File.WriteAllText(malformed, "file,label\nx.pcap,nonsense\n");
        Assert.Equal($"{malformed}: labels.csv line 2: unknown label 'nonsense' (expected benign, mixed or one of {string.Join(", ", LabelNames.Categories)})",
            Assert.Throws<InvalidDataException>(() => TrainingLabels.Read([malformed])).Message);

        string badAddress = _dir.File("address.csv");
        LabelsFile.Write(badAddress, [new LabelRow("x.pcap", LabelNames.Recon, "", "not-an-ip", "", DateTime.UnixEpoch, DateTime.UnixEpoch)]);
        Assert.Equal($"{badAddress}: x.pcap: 'not-an-ip' is not an IP address",
            Assert.Throws<InvalidDataException>(() => TrainingLabels.Read([badAddress])).Message);

        string gone = _dir.File("gone.csv");
        LabelsFile.Write(gone, [new LabelRow("gone.pcap", LabelNames.Benign)]);
        Assert.Equal($"{_dir.File("gone.pcap")}: no such file (named in the labels)",
            Assert.Throws<InvalidDataException>(() => TrainingLabels.Read([gone])).Message);
    }
}
