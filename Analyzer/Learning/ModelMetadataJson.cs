using System.Text.Json.Serialization;

namespace Analyzer.Learning;

/// <summary>The source-generated JSON reader of <see cref="ModelMetadata"/>, with its <see cref="ModelMetadata.JsonOptions"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ModelMetadata))]
internal sealed partial class ModelMetadataJson : JsonSerializerContext;
