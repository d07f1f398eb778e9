using System.IO.Compression;
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
        return new PcaProjection(mean.DenseValues().ToArray(), vectors.Take(rank).Select(v => v.DenseValues().ToArray()).ToArray()).Checked();
    }

    /// <summary>Most principal components read.</summary>
    public const int MaxComponents = 4096;

    /// <summary>
    /// The projection of the PCA detector in <paramref name="repository"/> (the <c>detector.zip</c> ML.NET wrote),
    /// read from its bytes without loading ML.NET; null when no block of it is a PCA detector this reads (the caller
    /// then loads it with ML.NET, which says what is wrong).
    /// </summary>
    public static PcaProjection? Read(byte[] repository)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(repository, writable: false), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith("Model.key", StringComparison.Ordinal)) continue;
                // ML.NET's PcaModelParameters layout: float size, dimension, rank, centred or not, mean, components.
                var reader = MlNetModelKey.Open(MlNetModelKey.Entry(zip, entry.FullName), "PCA ANOM", out _);
                if (reader is null) continue;
                if (reader.ReadInt32() != sizeof(float)) return null;
                int dimension = reader.ReadInt32(), rank = reader.ReadInt32();
                if (dimension < 1 || rank < 0 || rank > MaxComponents) return null;
                byte centred = reader.ReadByte();
                if (centred > 1) return null;
                var mean = centred == 1 ? MlNetModelKey.ReadArray<float>(reader, dimension)! : new float[dimension];
                var components = new float[rank][];
                for (int i = 0; i < rank; i++) components[i] = MlNetModelKey.ReadArray<float>(reader, dimension)!;
                if (!mean.All(float.IsFinite) || !components.All(c => c.All(float.IsFinite))) return null;
                return new PcaProjection(mean, components);
            }
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            return null;
        }
    }

    /// <summary>The projection's feature count is the program's (else the model must be retrained).</summary>
    /// <exception cref="ModelFileException">It is not.</exception>
    public PcaProjection Checked()
    {
        if (Mean.Length != HostWindowFeatures.Count || Components.Any(c => c.Length != HostWindowFeatures.Count))
            throw new ModelFileException($"the model has {Mean.Length} features, this program computes {HostWindowFeatures.Count}; retrain it");
        return this;
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
