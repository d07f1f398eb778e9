using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analyzer.Learning;

/// <summary>
/// What a model file needs beside it (<c>&lt;model&gt;.json</c>): the feature list it was trained on, the window
/// length, the standardization of the features, the detector's threshold and how it was chosen, the category model's
/// classes, the training settings and data, and the held-out metrics.
/// </summary>
public sealed record ModelMetadata
{
    public const int CurrentFormat = 2;

    public int Format { get; init; } = CurrentFormat;
    public string Trainer { get; init; } = "RandomizedPca on standardized features, and FastTree one-versus-all for the category";
    /// <summary>How the score is computed from the model (see docs/model.md).</summary>
    public string Score { get; init; } =
        "max(detector residual / detector threshold, attack probability / category cut); a window is flagged at 1 or more";
    public required IReadOnlyList<string> Features { get; init; }
    public required double WindowSeconds { get; init; }
    /// <summary>The window score at or above which a window is flagged (1 by construction of the score).</summary>
    public required double Threshold { get; init; }
    /// <summary>Benign training mean of each feature (model units), in feature order.</summary>
    public required IReadOnlyList<double> Center { get; init; }
    /// <summary>Benign training standard deviation of each feature, floored at <see cref="FeatureStandardizer.SpreadFloor"/>.</summary>
    public required IReadOnlyList<double> Spread { get; init; }
    /// <summary>Reconstruction error of the standardized vector at or above which the detector flags a window.</summary>
    public required double DetectorThreshold { get; init; }
    public required string ThresholdRule { get; init; }
    /// <summary>Share of benign validation windows the detector's threshold allows at or above it.</summary>
    public required double FalseAlarmRate { get; init; }
    /// <summary>The category model's classes in probability order; empty when it was trained without attack labels.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];
    /// <summary>Probability of "not benign" at or above which the category model flags a window.</summary>
    public double CategoryCut { get; init; } = 0.6;
    /// <summary>Probability of "not benign" below which the detector does not flag a window (<see cref="WindowScore"/>).</summary>
    public double CategoryGate { get; init; }
    /// <summary>What the category model was trained on: the training split, or every labelled window after the split's metrics.</summary>
    public string CategoryData { get; init; } = "";
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
        /// <summary>Attack windows the category model learned from.</summary>
        public int TrainAttackWindows { get; init; }
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
    /// <remarks>Read with the source-generated reader (the same options): the reflection-based one builds its
    /// accessors with emitted code at every start.</remarks>
    public static ModelMetadata FromJson(string json) =>
        JsonSerializer.Deserialize(json, ModelMetadataJson.Default.ModelMetadata) ?? throw new JsonException("empty document");
}
