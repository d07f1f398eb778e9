using Analyzer.Learning;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Learning;

public class AnomalyModelFileTests
{
    private static string SavedModel(TempDir dir)
    {
        var result = AnomalyModelTrainer.Train(SyntheticWindows.Make(seed: 3), new AnomalyTrainerOptions());
        string path = dir.File("model.zip");
        result.Model.Save(path);
        return path;
    }

    [Fact]
    public void AMissingModelFileIsAOneLineErrorNamingIt()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<ModelFileException>(() => AnomalyModel.Load(dir.File("none.zip")));
        Assert.Equal($"{dir.File("none.zip")}: model file not found", e.Message);
    }

    [Fact]
    public void AModelWithoutItsMetadataIsRefused()
    {
        using var dir = new TempDir();
        string path = SavedModel(dir);
        File.Delete(AnomalyModel.MetadataPath(path));
        var e = Assert.Throws<ModelFileException>(() => AnomalyModel.Load(path));
        Assert.Contains("model metadata not found", e.Message);
    }

    [Fact]
    public void ACorruptModelFileIsAOneLineError()
    {
        using var dir = new TempDir();
        string path = SavedModel(dir);
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        var e = Assert.Throws<ModelFileException>(() => AnomalyModel.Load(path));
        Assert.StartsWith($"{path}: not a readable model", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void CorruptMetadataIsAOneLineError()
    {
        using var dir = new TempDir();
        string path = SavedModel(dir);
        File.WriteAllText(AnomalyModel.MetadataPath(path), "{ not json");
        var e = Assert.Throws<ModelFileException>(() => AnomalyModel.Load(path));
        Assert.Contains("not model metadata", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void AModelTrainedOnAnotherFeatureListIsRefused()
    {
        using var dir = new TempDir();
        string path = SavedModel(dir);
        string metadata = AnomalyModel.MetadataPath(path);
        File.WriteAllText(metadata, File.ReadAllText(metadata).Replace("\"events_sent\"", "\"events_total\""));
        var e = Assert.Throws<ModelFileException>(() => AnomalyModel.Load(path));
        Assert.Contains("another feature list", e.Message);
    }
}
