using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace Analyzer.Learning;

/// <summary>
/// A trained model: the unsupervised detector (ML.NET PCA on standardized features), the supervised category model
/// (FastTree), both saved in one zip, and its <see cref="ModelMetadata"/> (saved beside it as <c>.json</c>).
/// Immutable once built; <see cref="AnomalyScorer"/> does the per-window work.
/// </summary>
public sealed class AnomalyModel
{
    private const string DetectorEntry = "detector.zip";
    private const string CategoriesEntry = "categories.zip";

    /// <summary>The detector as ML.NET holds it: needed only to save the model (a loaded model loads it then).</summary>
    private readonly Lazy<(ITransformer Transformer, DataViewSchema Schema)> _detector;

    internal AnomalyModel(ITransformer detector, DataViewSchema detectorSchema, CategoryModel? categories, ModelMetadata metadata)
        : this(new Lazy<(ITransformer, DataViewSchema)>((detector, detectorSchema)), PcaProjection.From(detector), categories, metadata)
    {
    }

    private AnomalyModel(Lazy<(ITransformer, DataViewSchema)> detector, PcaProjection projection, CategoryModel? categories, ModelMetadata metadata)
    {
        _detector = detector;
        Categories = categories;
        Metadata = metadata;
        Projection = projection;
        Standardizer = new FeatureStandardizer(metadata.Center, metadata.Spread);
    }

    public ModelMetadata Metadata { get; }

    internal PcaProjection Projection { get; }

    public FeatureStandardizer Standardizer { get; }

    /// <summary>The category model; null when the model was trained without attack labels.</summary>
    public CategoryModel? Categories { get; }

    public double Threshold => Metadata.Threshold;

    public long WindowUs => (long)Math.Round(Metadata.WindowSeconds * 1_000_000);

    /// <summary>The metadata file of a model file: same name, extension <c>.json</c>.</summary>
    public static string MetadataPath(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    /// <summary>Writes the model zip (the two ML.NET models inside) and its metadata.</summary>
    public void Save(string path)
    {
        var ml = new MLContext();
        using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            using (var entry = zip.CreateEntry(DetectorEntry).Open())
                ml.Model.Save(_detector.Value.Transformer, _detector.Value.Schema, entry);
            if (Categories is not null)
                using (var entry = zip.CreateEntry(CategoriesEntry).Open())
                    ml.Model.Save(Categories.Transformer, Categories.InputSchema, entry);
        }
        File.WriteAllText(MetadataPath(path), Metadata.ToJson() + "\n");
    }

    /// <exception cref="ModelFileException">Either file is missing, unreadable, corrupt, or was made for another
    /// feature list.</exception>
    public static AnomalyModel Load(string path)
    {
        if (!File.Exists(path)) throw new ModelFileException($"{path}: model file not found");
        string metadataPath = MetadataPath(path);
        if (!File.Exists(metadataPath)) throw new ModelFileException($"{metadataPath}: model metadata not found (it belongs beside the model)");
        ModelMetadata metadata;
        try
        {
            metadata = ModelMetadata.FromJson(File.ReadAllText(metadataPath));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ModelFileException($"{metadataPath}: not model metadata: {OneLine(e.Message)}", e);
        }
        if (metadata.Format != ModelMetadata.CurrentFormat)
            throw new ModelFileException($"{metadataPath}: metadata format {metadata.Format}, expected {ModelMetadata.CurrentFormat}; retrain it with 'analyzer train'");
        if (metadata.Features is null || !metadata.Features.SequenceEqual(HostWindowFeatures.Names))
            throw new ModelFileException($"{path}: the model was trained on another feature list; retrain it with 'analyzer train'");
        if (!(metadata.WindowSeconds > 0) || !double.IsFinite(metadata.Threshold) || !double.IsFinite(metadata.DetectorThreshold))
            throw new ModelFileException($"{metadataPath}: window length or threshold missing or invalid");
        if (metadata.Center is null || metadata.Spread is null || metadata.Center.Count != HostWindowFeatures.Count
            || metadata.Spread.Count != HostWindowFeatures.Count || metadata.Spread.Any(s => !(s >= FeatureStandardizer.SpreadFloor) || !double.IsFinite(s)))
            throw new ModelFileException($"{metadataPath}: feature centres or spreads missing or invalid");

        try
        {
            using var zip = ZipFile.OpenRead(path);
            var detectorEntry = zip.GetEntry(DetectorEntry) ?? throw new ModelFileException($"no {DetectorEntry} inside");
            byte[] detectorBytes = Buffered(detectorEntry);
            byte[]? categoriesBytes = null;
            if (zip.GetEntry(CategoriesEntry) is { } categoriesEntry)
            {
                if (metadata.Classes is not { Count: >= 2 })
                    throw new ModelFileException("the category model's classes are missing from the metadata");
                categoriesBytes = Buffered(categoriesEntry);
            }
            return Read(detectorBytes, categoriesBytes, metadata) ?? LoadWithMlNet(detectorBytes, categoriesBytes, metadata);
        }
        catch (ModelFileException e)
        {
            throw new ModelFileException($"{path}: {e.Message}", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ModelFileException($"{path}: not a readable model: {OneLine(e.Message)}", e);
        }
    }

    /// <summary>
    /// The model read from its bytes without ML.NET (the PCA projection and the category trees are all scoring
    /// needs; ML.NET's loader costs most of a second of start-up); null when either is laid out other than
    /// <see cref="PcaProjection.Read"/> and <see cref="CategoryTrees.Read"/> read. ML.NET loads the detector and the
    /// category model later only if the model is saved again.
    /// </summary>
    private static AnomalyModel? Read(byte[] detectorBytes, byte[]? categoriesBytes, ModelMetadata metadata)
    {
        if (PcaProjection.Read(detectorBytes) is not { } projection) return null;
        CategoryModel? categories = null;
        if (categoriesBytes is not null)
        {
            if (CategoryTrees.Read(categoriesBytes, HostWindowFeatures.Count) is not { } trees || trees.ClassCount != metadata.Classes!.Count) return null;
            categories = new CategoryModel(trees, () => LoadMlNet(categoriesBytes), metadata.Classes);
        }
        return new AnomalyModel(new Lazy<(ITransformer, DataViewSchema)>(() => LoadMlNet(detectorBytes)), projection.Checked(), categories, metadata);
    }

    private static AnomalyModel LoadWithMlNet(byte[] detectorBytes, byte[]? categoriesBytes, ModelMetadata metadata)
    {
        var (detector, schema) = LoadMlNet(detectorBytes);
        CategoryModel? categories = null;
        if (categoriesBytes is not null)
        {
            var (transformer, categorySchema) = LoadMlNet(categoriesBytes);
            categories = new CategoryModel(transformer, categorySchema, metadata.Classes!);
        }
        return new AnomalyModel(detector, schema, categories, metadata);
    }

    private static (ITransformer, DataViewSchema) LoadMlNet(byte[] repository)
    {
        var transformer = new MLContext().Model.Load(new MemoryStream(repository, writable: false), out var schema);
        return (transformer, schema);
    }

    /// <summary>A model entry's bytes (ML.NET reads a model from a seekable stream; a zip entry is not one).</summary>
    private static byte[] Buffered(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxModelEntryBytes) throw new ModelFileException($"{entry.FullName} is larger than {MaxModelEntryBytes} bytes");
        var buffer = new MemoryStream();
        using (var stream = entry.Open()) stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Largest model inside the zip that is read (the committed ones are well under 1 MiB).</summary>
    public const long MaxModelEntryBytes = 64L << 20;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
