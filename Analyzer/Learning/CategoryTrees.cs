using System.IO.Compression;

namespace Analyzer.Learning;

/// <summary>
/// The category model read straight from the file ML.NET saved (one versus all over FastTree binary classifiers,
/// each with a Platt calibrator) and evaluated without building an ML.NET pipeline: the same trees, the same sums in
/// the same order and the same float roundings as ML.NET's prediction, so the probabilities are the same to the bit.
/// Loading it costs milliseconds; ML.NET's loader and prediction engine cost most of a second of start-up.
/// </summary>
internal sealed class CategoryTrees
{
    private readonly DecisionTree[][] _classes;
    private readonly double[] _slope;
    private readonly double[] _offset;

    private CategoryTrees(DecisionTree[][] classes, double[] slope, double[] offset)
    {
        _classes = classes;
        _slope = slope;
        _offset = offset;
    }

    public int ClassCount => _classes.Length;

    /// <summary>Most classes read (the model's class list is a handful).</summary>
    public const int MaxClasses = 1024;
    /// <summary>Most trees per class read.</summary>
    public const int MaxTrees = 100_000;

    /// <summary>
    /// The trees of the category model in <paramref name="repository"/> (the <c>categories.zip</c> ML.NET wrote), or
    /// null when it is laid out other than this reads (another trainer, calibrator or output formula): the caller
    /// then loads it with ML.NET.
    /// </summary>
    public static CategoryTrees? Read(byte[] repository, int featureCount)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(repository, writable: false), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith("Model.key", StringComparison.Ordinal)) continue;
                var ova = MlNetModelKey.Open(MlNetModelKey.Entry(zip, entry.FullName), "TLC OVA ", out _);
                if (ova is null) continue;
                return Read(zip, entry.FullName[..^"Model.key".Length], ova, featureCount);
            }
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            return null;
        }
    }

    private static CategoryTrees? Read(ZipArchive zip, string directory, BinaryReader ova, int featureCount)
    {
        const byte ProbabilityNormalization = 1;
        if (ova.ReadInt32() != sizeof(float) || ova.ReadByte() != ProbabilityNormalization) return null;
        int count = ova.ReadInt32();
        if (count < 1 || count > MaxClasses) return null;
        var classes = new DecisionTree[count][];
        var slope = new double[count];
        var offset = new double[count];
        for (int i = 0; i < count; i++)
        {
            string sub = $"{directory}SubPredictor_{i:000}/";
            if (MlNetModelKey.Open(MlNetModelKey.Entry(zip, sub + "Model.key"), "FTWTCALP", out _) is null) return null;
            var trees = ReadEnsemble(MlNetModelKey.Entry(zip, sub + "Predictor/Model.key"), featureCount);
            var platt = MlNetModelKey.Open(MlNetModelKey.Entry(zip, sub + "Calibrator/Model.key"), "PLATTCAL", out _);
            if (trees is null || platt is null) return null;
            slope[i] = platt.ReadDouble();
            offset[i] = platt.ReadDouble();
            if (!double.IsFinite(slope[i]) || !double.IsFinite(offset[i])) return null;
            classes[i] = trees;
        }
        return new CategoryTrees(classes, slope, offset);
    }

    /// <summary>A FastTree binary classifier's trees (ML.NET's TreeEnsembleModelParameters layout).</summary>
    private static DecisionTree[]? ReadEnsemble(byte[]? block, int featureCount)
    {
        const uint MissingValuesSince = 0x00010004, CategoricalSplitsSince = 0x00010005, FeatureCountSince = 0x00010002;
        var reader = MlNetModelKey.Open(block, "FTREE BC", out uint version);
        if (reader is null || reader.ReadInt32() != sizeof(float)) return null;
        int count = reader.ReadInt32();
        if (count < 0 || count > MaxTrees) return null;
        var trees = new DecisionTree[count];
        for (int t = 0; t < count; t++)
        {
            if (DecisionTree.Read(reader, version >= MissingValuesSince, version >= CategoricalSplitsSince, featureCount) is not { } tree) return null;
            trees[t] = tree;
        }
        reader.ReadDouble();   // bias (ML.NET's prediction does not add it)
        reader.ReadInt32();    // first-input string id
        reader.ReadInt32();    // training options string id
        if (version >= FeatureCountSince && reader.ReadInt32() is int features && features != 0 && features != featureCount) return null;
        return trees;
    }

    /// <summary>
    /// Writes each class's calibrated probability, normalized to sum to 1 (ML.NET's one-versus-all output, the
    /// "Score" column), into <paramref name="scores"/>.
    /// </summary>
    public void Predict(ReadOnlySpan<float> features, Span<float> scores)
    {
        for (int c = 0; c < _classes.Length; c++)
        {
            double sum = 0;
            foreach (var tree in _classes[c]) sum += tree.Output(features);
            float raw = (float)sum;
            scores[c] = float.IsNaN(raw) ? raw : (float)(1 / (1 + Math.Exp(_slope[c] * raw + _offset[c])));
        }
        double total = 0;
        for (int c = 0; c < _classes.Length; c++)
        {
            if (float.IsNaN(scores[c])) continue;
            if (scores[c] >= 0) total += scores[c];
            else scores[c] = 0;
        }
        if (total > 0)
            for (int c = 0; c < _classes.Length; c++) scores[c] = (float)(scores[c] / total);
    }
}
