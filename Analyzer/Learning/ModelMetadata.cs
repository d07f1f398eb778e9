using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analyzer.Learning;

/// <summary>
/// What a model file needs beside it (<c>&lt;model&gt;.json</c>): the feature list it was trained on, the window
/// length, the alert threshold and how it was chosen, the training settings and data, and the held-out metrics.
/// </summary>
public sealed record ModelMetadata
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    public string Trainer { get; init; } = "RandomizedPca";
    /// <summary>How the score is computed from the model (see docs/model.md).</summary>
    public string Score { get; init; } = "reconstruction error: L2 norm of the part of the feature vector outside the PCA subspace";
    public required IReadOnlyList<string> Features { get; init; }
    public required double WindowSeconds { get; init; }
    public required double Threshold { get; init; }
    public required string ThresholdRule { get; init; }
    /// <summary>Relative margin of the threshold above <see cref="BenignCeiling"/>.</summary>
    public double Margin { get; init; }
    /// <summary>The highest score of a benign training or validation window.</summary>
    public double BenignCeiling { get; init; }
    public required int Seed { get; init; }
    public required int Rank { get; init; }
    /// <summary>How the rank was chosen: given, best validation recall among candidates, or the default.</summary>
    public string RankRule { get; init; } = "";
    public required int Oversampling { get; init; }
    public required TrainingData Data { get; init; }
    public required DetectionMetrics Validation { get; init; }
    public DetectionMetrics? Test { get; init; }

    /// <summary>What the model was trained and evaluated on.</summary>
    public sealed record TrainingData
    {
        /// <summary>The labels file, as given on the command line.</summary>
        public string? Labels { get; init; }
        public required IReadOnlyList<string> Captures { get; init; }
        public required int TrainBenignWindows { get; init; }
        public required int ValidationBenignWindows { get; init; }
        public required int ValidationAttackWindows { get; init; }
        public required int TestBenignWindows { get; init; }
        public required int TestAttackWindows { get; init; }
        /// <summary>Windows left out: a victim's windows during an attack, files labelled mixed without instances.</summary>
        public required int ExcludedWindows { get; init; }
    }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <exception cref="JsonException">Not a metadata document.</exception>
    public static ModelMetadata FromJson(string json) =>
        JsonSerializer.Deserialize<ModelMetadata>(json, JsonOptions) ?? throw new JsonException("empty document");
}
