namespace Analyzer.Learning;

/// <summary>The category model's output row: one probability per class, in the order of the model's class list.</summary>
internal sealed class CategoryPrediction
{
    public float[] Score { get; set; } = [];
}
