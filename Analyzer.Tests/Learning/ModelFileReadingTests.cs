using System.IO.Compression;
using Analyzer.Learning;
using Analyzer.Tests.Support;
using Microsoft.ML;

namespace Analyzer.Tests.Learning;

/// <summary>
/// A model file is read without ML.NET (the PCA projection and the category trees straight from ML.NET's saved
/// bytes): its scores must be ML.NET's own to the bit, for the committed model and for a model just trained and
/// saved, or alert files would change.
/// </summary>
public class ModelFileReadingTests
{
    [Fact]
    public void TheCommittedModelIsReadWithoutMlNetAndPredictsExactlyAsMlNet()
    {
        var model = AnomalyModel.Load(CommittedModel.ModelPath);
        Assert.NotNull(model.Categories!.FileTrees);
        AssertSameAsMlNet(model, CommittedModel.ModelPath, Vectors(seed: 1, count: 20_000));
    }

    [Fact]
    public void ASavedModelReadsBackWithTheScoresOfTheModelTrained()
    {
        using var dir = new TempDir();
        var windows = SyntheticWindows.Make(seed: 3);
        var trained = AnomalyModelTrainer.Train(windows, new AnomalyTrainerOptions { Seed = 7 }).Model;
        string path = dir.File("model.zip");
        trained.Save(path);
        var loaded = AnomalyModel.Load(path);

        Assert.NotNull(loaded.Categories!.FileTrees);
        var probes = windows.Select(w => w.Window.Features).Concat(Vectors(seed: 2, count: 2_000)).ToList();
        var fromTraining = new AnomalyScorer(trained);
        var fromFile = new AnomalyScorer(loaded);
        foreach (var probe in probes)
        {
            Assert.Equal(fromTraining.Score(probe), fromFile.Score(probe));
            Assert.Equal(fromTraining.AttackProbability, fromFile.AttackProbability);
        }
        AssertSameAsMlNet(loaded, path, probes);
    }

    [Fact]
    public void AModelReadWithoutMlNetSavesAgainToTheSameScores()
    {
        using var dir = new TempDir();
        string copy = dir.File("again.zip");
        AnomalyModel.Load(CommittedModel.ModelPath).Save(copy);
        var again = AnomalyModel.Load(copy);
        var original = new AnomalyScorer(AnomalyModel.Load(CommittedModel.ModelPath));
        var saved = new AnomalyScorer(again);
        foreach (var probe in Vectors(seed: 3, count: 500))
            Assert.Equal(original.Score(probe), saved.Score(probe));
    }

    [Fact]
    public void ACategoryModelOfAnotherLayoutIsLeftToMlNet()
    {
        byte[] notTrees;
        using (var zip = ZipFile.OpenRead(CommittedModel.ModelPath))
        using (var buffer = new MemoryStream())
        {
            using (var stream = zip.GetEntry("detector.zip")!.Open()) stream.CopyTo(buffer);
            notTrees = buffer.ToArray();
        }
        Assert.Null(CategoryTrees.Read(notTrees, HostWindowFeatures.Count));
        Assert.Null(PcaProjection.Read([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
    }

    /// <summary>Compares the file-read model with ML.NET's loading of the same file: projection and probabilities.</summary>
    private static void AssertSameAsMlNet(AnomalyModel model, string path, IEnumerable<float[]> probes)
    {
        var ml = new MLContext();
        using var zip = ZipFile.OpenRead(path);
        var detector = ml.Model.Load(Seekable(zip, "detector.zip"), out _);
        var reference = PcaProjection.From(detector);
        Assert.Equal(reference.Mean, model.Projection.Mean);
        Assert.Equal(reference.Components, model.Projection.Components);

        var categories = ml.Model.Load(Seekable(zip, "categories.zip"), out var schema);
        var mlNet = new CategoryModel(categories, schema, model.Categories!.Classes).CreatePredictor();
        var fromFile = model.Categories.CreatePredictor();
        var expected = new double[model.Categories.Classes.Count];
        var actual = new double[expected.Length];
        foreach (var probe in probes)
        {
            mlNet.Predict(probe, expected);
            fromFile.Predict(probe, actual);
            Assert.Equal(expected, actual);
        }
    }

    private static MemoryStream Seekable(ZipArchive zip, string entry)
    {
        var buffer = new MemoryStream();
        using (var stream = zip.GetEntry(entry)!.Open()) stream.CopyTo(buffer);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Feature vectors spread over what windows hold: zeros, small counts, shares and large values.</summary>
    private static IEnumerable<float[]> Vectors(int seed, int count)
    {
        var random = new Random(seed);
        for (int n = 0; n < count; n++)
        {
            var v = new float[HostWindowFeatures.Count];
            for (int i = 0; i < v.Length; i++)
                v[i] = random.Next(5) switch
                {
                    0 => 0,
                    1 => random.Next(1, 4),
                    2 => (float)random.NextDouble(),
                    3 => (float)Math.Log2(1 + random.Next(1, 5000)),
                    _ => (float)(random.NextDouble() * 40),
                };
            yield return v;
        }
    }
}
