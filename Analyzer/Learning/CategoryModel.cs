using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Analyzer.Learning;

/// <summary>
/// The supervised half of the model: gradient-boosted trees (ML.NET FastTree, one versus all) trained on labelled
/// host windows, benign and attack, that name the likely alert category of a window, with a probability per class.
/// Trees need no scaling, so it reads the same feature vector as the detector before standardization.
/// </summary>
public sealed class CategoryModel
{
    /// <summary>Trees per class.</summary>
    public const int Trees = 100;
    /// <summary>Leaves per tree.</summary>
    public const int Leaves = 16;
    /// <summary>Fewest training windows in a leaf: small, since some categories have few attack windows.</summary>
    public const int MinimumLeafWindows = 3;

    private readonly Lazy<(ITransformer Transformer, DataViewSchema Schema)> _mlNet;

    internal CategoryModel(ITransformer transformer, DataViewSchema inputSchema, IReadOnlyList<string> classes)
        : this(new Lazy<(ITransformer, DataViewSchema)>((transformer, inputSchema)), null, classes)
    {
    }

    /// <summary>A model read from its file: predicted by <paramref name="trees"/>; ML.NET loads it only to save it again.</summary>
    internal CategoryModel(CategoryTrees trees, Func<(ITransformer, DataViewSchema)> load, IReadOnlyList<string> classes)
        : this(new Lazy<(ITransformer, DataViewSchema)>(load), trees, classes)
    {
    }

    private CategoryModel(Lazy<(ITransformer, DataViewSchema)> mlNet, CategoryTrees? trees, IReadOnlyList<string> classes)
    {
        _mlNet = mlNet;
        FileTrees = trees;
        Classes = classes;
        BenignClass = classes.ToList().IndexOf(CategoryWords.Benign);
    }

    internal ITransformer Transformer => _mlNet.Value.Transformer;
    internal DataViewSchema InputSchema => _mlNet.Value.Schema;
    /// <summary>The trees read from the model file, evaluated without ML.NET; null for a model just trained.</summary>
    internal CategoryTrees? FileTrees { get; }
    /// <summary>Class names in the order of the predicted probabilities.</summary>
    public IReadOnlyList<string> Classes { get; }
    /// <summary>Index of the benign class, or -1 when the training data had none.</summary>
    public int BenignClass { get; }

    /// <summary>Trains on every window given but those of <see cref="CategoryWords.NotInWindows"/>; null when they hold
    /// fewer than two classes.</summary>
    public static CategoryModel? Train(IReadOnlyList<LabeledWindow> windows, int seed)
    {
        windows = windows.Where(w => !CategoryWords.NotInWindows.Contains(w.Class)).ToList();
        if (windows.Select(w => w.Class).Distinct().Count() < 2) return null;
        var ml = new MLContext(seed: seed);
        var data = CategoryRow.Load(ml, windows);
        var keys = ml.Transforms.Conversion.MapValueToKey(CategoryRow.LabelColumn,
            keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data);
        var keyed = keys.Transform(data);
        VBuffer<ReadOnlyMemory<char>> names = default;
        keyed.Schema[CategoryRow.LabelColumn].GetKeyValues(ref names);
        var classes = names.DenseValues().Select(n => n.ToString()).ToList();

        var trees = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            FeatureColumnName = HostWindowRow.FeaturesColumn,
            NumberOfTrees = Trees,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinimumLeafWindows,
            NumberOfThreads = 1,   // one thread: the same data and seed give the same trees
            Seed = seed,
        });
        var transformer = ml.MulticlassClassification.Trainers.OneVersusAll(trees, CategoryRow.LabelColumn).Fit(keyed);
        return new CategoryModel(transformer, keyed.Schema, classes);
    }

    /// <summary>A predictor for one thread.</summary>
    internal Predictor CreatePredictor() => new(this);

    internal sealed class Predictor
    {
        private readonly CategoryTrees? _trees;
        private readonly PredictionEngine<HostWindowRow, CategoryPrediction>? _engine;
        private readonly HostWindowRow _row = new();
        private CategoryPrediction _prediction = new();

        public Predictor(CategoryModel model)
        {
            _trees = model.FileTrees;
            if (_trees is not null) _prediction.Score = new float[_trees.ClassCount];
            else _engine = new MLContext().Model.CreatePredictionEngine<HostWindowRow, CategoryPrediction>(model.Transformer,
                inputSchemaDefinition: HostWindowRow.Schema());
        }

        /// <summary>Writes the class probabilities (in <see cref="Classes"/> order, summing to 1) of a window's feature
        /// vector into <paramref name="into"/>.</summary>
        public void Predict(float[] features, double[] into)
        {
            if (_trees is not null) _trees.Predict(features, _prediction.Score);
            else
            {
                _row.Features = features;
                _engine!.Predict(_row, ref _prediction);
            }
            double sum = 0;
            for (int i = 0; i < into.Length; i++) sum += into[i] = Math.Max(0, _prediction.Score[i]);
            for (int i = 0; i < into.Length; i++) into[i] = sum > 0 ? into[i] / sum : 1.0 / into.Length;
        }
    }
}
