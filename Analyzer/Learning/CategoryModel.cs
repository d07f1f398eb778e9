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

    internal CategoryModel(ITransformer transformer, DataViewSchema inputSchema, IReadOnlyList<string> classes)
    {
        Transformer = transformer;
        InputSchema = inputSchema;
        Classes = classes;
        BenignClass = classes.ToList().IndexOf(CategoryWords.Benign);
    }

    internal ITransformer Transformer { get; }
    internal DataViewSchema InputSchema { get; }
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
        private readonly PredictionEngine<HostWindowRow, CategoryPrediction> _engine;
        private readonly HostWindowRow _row = new();
        private CategoryPrediction _prediction = new();

        public Predictor(CategoryModel model)
        {
            _engine = new MLContext().Model.CreatePredictionEngine<HostWindowRow, CategoryPrediction>(model.Transformer,
                inputSchemaDefinition: HostWindowRow.Schema());
        }

        /// <summary>Writes the class probabilities (in <see cref="Classes"/> order, summing to 1) of a window's feature
        /// vector into <paramref name="into"/>.</summary>
        public void Predict(float[] features, double[] into)
        {
            _row.Features = features;
            _engine.Predict(_row, ref _prediction);
            double sum = 0;
            for (int i = 0; i < into.Length; i++) sum += into[i] = Math.Max(0, _prediction.Score[i]);
            for (int i = 0; i < into.Length; i++) into[i] = sum > 0 ? into[i] / sum : 1.0 / into.Length;
        }
    }
}
