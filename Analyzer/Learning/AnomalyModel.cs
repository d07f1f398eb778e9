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

    private readonly ITransformer _detector;
    private readonly DataViewSchema _detectorSchema;

    internal AnomalyModel(ITransformer detector, DataViewSchema detectorSchema, CategoryModel? categories, ModelMetadata metadata)
    {
        _detector = detector;
        _detectorSchema = detectorSchema;
        Categories = categories;
        Metadata = metadata;
        Projection = PcaProjection.From(detector);
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
                ml.Model.Save(_detector, _detectorSchema, entry);
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
            var ml = new MLContext();
            using var zip = ZipFile.OpenRead(path);
            var detectorEntry = zip.GetEntry(DetectorEntry) ?? throw new ModelFileException($"no {DetectorEntry} inside");
            ITransformer detector;
            DataViewSchema schema;
            using (var stream = Buffered(detectorEntry))
                detector = ml.Model.Load(stream, out schema);
            CategoryModel? categories = null;
            if (zip.GetEntry(CategoriesEntry) is { } categoriesEntry)
            {
                if (metadata.Classes is not { Count: >= 2 })
                    throw new ModelFileException("the category model's classes are missing from the metadata");
                using var stream = Buffered(categoriesEntry);
                var transformer = ml.Model.Load(stream, out var categorySchema);
                categories = new CategoryModel(transformer, categorySchema, metadata.Classes);
            }
            return new AnomalyModel(detector, schema, categories, metadata);
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

    /// <summary>ML.NET reads a model from a seekable stream; a zip entry is not one.</summary>
    private static MemoryStream Buffered(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxModelEntryBytes) throw new ModelFileException($"{entry.FullName} is larger than {MaxModelEntryBytes} bytes");
        var buffer = new MemoryStream();
        using (var stream = entry.Open()) stream.CopyTo(buffer);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Largest model inside the zip that is read (the committed ones are well under 1 MiB).</summary>
    public const long MaxModelEntryBytes = 64L << 20;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
