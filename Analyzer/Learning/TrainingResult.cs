namespace Analyzer.Learning;

/// <summary>A trained model with the split it was trained and evaluated on.</summary>
public sealed record TrainingResult(AnomalyModel Model, DataSplit Split)
{
    public ModelMetadata Metadata => Model.Metadata;
}
