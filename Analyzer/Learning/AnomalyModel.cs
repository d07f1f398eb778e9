using System.Text.Json;
using Microsoft.ML;

namespace Analyzer.Learning;

/// <summary>
/// A trained model: the ML.NET PCA model (saved as a zip) and its <see cref="ModelMetadata"/> (saved beside it as
/// <c>.json</c>). Immutable once built; <see cref="AnomalyScorer"/> does the per-window work.
/// </summary>
public sealed class AnomalyModel
{
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;

    internal AnomalyModel(ITransformer transformer, DataViewSchema inputSchema, ModelMetadata metadata)
    {
        _transformer = transformer;
        _inputSchema = inputSchema;
        Metadata = metadata;
        Projection = PcaProjection.From(transformer);
    }

    public ModelMetadata Metadata { get; }

    internal PcaProjection Projection { get; }

    public double Threshold => Metadata.Threshold;

    public long WindowUs => (long)Math.Round(Metadata.WindowSeconds * 1_000_000);

    /// <summary>The metadata file of a model file: same name, extension <c>.json</c>.</summary>
    public static string MetadataPath(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    /// <summary>Writes the model zip and its metadata.</summary>
    public void Save(string path)
    {
        new MLContext().Model.Save(_transformer, _inputSchema, path);
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
            throw new ModelFileException($"{metadataPath}: metadata format {metadata.Format}, expected {ModelMetadata.CurrentFormat}");
        if (metadata.Features is null || !metadata.Features.SequenceEqual(HostWindowFeatures.Names))
            throw new ModelFileException($"{path}: the model was trained on another feature list; retrain it with 'analyzer train'");
        if (!(metadata.WindowSeconds > 0) || !double.IsFinite(metadata.Threshold))
            throw new ModelFileException($"{metadataPath}: window length or threshold missing or invalid");

        try
        {
            var transformer = new MLContext().Model.Load(path, out var schema);
            return new AnomalyModel(transformer, schema, metadata);
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

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
