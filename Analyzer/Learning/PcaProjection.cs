using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Analyzer.Learning;

/// <summary>
/// The trained PCA as numbers: the benign mean and the principal components (unit vectors, strongest first), and
/// the reconstruction residual of a feature vector against them.
/// </summary>
internal sealed class PcaProjection
{
    private PcaProjection(float[] mean, float[][] components)
    {
        Mean = mean;
        Components = components;
    }

    public float[] Mean { get; }
    public float[][] Components { get; }

    /// <exception cref="ModelFileException">The transformer holds no PCA detector, or one for another feature count.</exception>
    public static PcaProjection From(ITransformer transformer)
    {
        var pca = Find(transformer) ?? throw new ModelFileException("the model holds no PCA anomaly detector");
        VBuffer<float> mean = default;
        pca.GetMean(ref mean);
        VBuffer<float>[] vectors = [];
        pca.GetEigenVectors(ref vectors, out int rank);
        var projection = new PcaProjection(mean.DenseValues().ToArray(), vectors.Take(rank).Select(v => v.DenseValues().ToArray()).ToArray());
        if (projection.Mean.Length != HostWindowFeatures.Count || projection.Components.Any(c => c.Length != HostWindowFeatures.Count))
            throw new ModelFileException($"the model has {projection.Mean.Length} features, this program computes {HostWindowFeatures.Count}; retrain it");
        return projection;
    }

    /// <summary>
    /// Fills <paramref name="residual"/> with the part of <paramref name="features"/> − mean outside the components
    /// and returns its length.
    /// </summary>
    public double Residual(ReadOnlySpan<float> features, double[] residual)
    {
        if (features.Length != residual.Length || residual.Length != Mean.Length)
            throw new ArgumentException($"expected {Mean.Length} features", nameof(features));
        for (int i = 0; i < residual.Length; i++) residual[i] = features[i] - Mean[i];
        foreach (var component in Components)
        {
            double along = 0;
            for (int i = 0; i < residual.Length; i++) along += residual[i] * component[i];
            for (int i = 0; i < residual.Length; i++) residual[i] -= along * component[i];
        }
        double sum = 0;
        foreach (double r in residual) sum += r * r;
        return Math.Sqrt(sum);
    }

    private static PcaModelParameters? Find(ITransformer transformer) => transformer switch
    {
        // A loaded model's transformer is typed by what the file says, not PcaModelParameters: test the model itself.
        IPredictionTransformer<object> { Model: PcaModelParameters pca } => pca,
        IEnumerable<ITransformer> chain => chain.Select(Find).LastOrDefault(p => p is not null),
        _ => null,
    };
}
