namespace Analyzer.Learning;

/// <summary>
/// One regression tree of a FastTree ensemble as ML.NET saves it, evaluated the way ML.NET evaluates a dense
/// feature vector: at each node, the feature (or the node's value for a missing one) at or below the threshold goes
/// to the "lte" child, above it to the "gt" child; a negative child is the complement of a leaf index.
/// </summary>
internal sealed class DecisionTree
{
    private readonly int[] _lte;
    private readonly int[] _gt;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly float[]? _missing;
    private readonly double[] _leaves;

    private DecisionTree(int[] lte, int[] gt, int[] feature, float[] threshold, float[]? missing, double[] leaves)
    {
        _lte = lte;
        _gt = gt;
        _feature = feature;
        _threshold = threshold;
        _missing = missing;
        _leaves = leaves;
    }

    /// <summary>Reads a tree (ML.NET's InternalRegressionTree binary layout); null for a kind this does not evaluate
    /// (a categorical split, a quantile or affine tree) or a tree whose links leave it.</summary>
    /// <exception cref="InvalidDataException">The block ends inside the tree.</exception>
    public static DecisionTree? Read(BinaryReader reader, bool missingValues, bool categoricalSplits, int featureCount)
    {
        const byte RegressionTree = 0;
        if (reader.ReadByte() != RegressionTree) return null;
        int leafCount = reader.ReadInt32();
        reader.ReadDouble();   // largest output
        reader.ReadDouble();   // weight
        var lte = MlNetModelKey.ReadArray<int>(reader);
        var gt = MlNetModelKey.ReadArray<int>(reader);
        var feature = MlNetModelKey.ReadArray<int>(reader);
        if (categoricalSplits && MlNetModelKey.ReadArray<int>(reader) is not null) return null;
        MlNetModelKey.ReadArray<uint>(reader);   // bin thresholds (training only)
        var threshold = MlNetModelKey.ReadArray<float>(reader);
        var missing = missingValues ? MlNetModelKey.ReadArray<float>(reader) : null;
        var leaves = MlNetModelKey.ReadArray<double>(reader);
        MlNetModelKey.ReadArray<double>(reader);   // split gains
        MlNetModelKey.ReadArray<double>(reader);   // p-values
        MlNetModelKey.ReadArray<double>(reader);   // earlier leaf values
        if (lte is null || gt is null || feature is null || threshold is null || leaves is null) return null;
        // Some arrays hold room for more nodes than the tree uses (leaves - 1), some only the used ones; only the
        // used ones are walked.
        int used = leafCount - 1;
        if (leafCount < 2 || lte.Length < used || gt.Length < used || feature.Length < used || threshold.Length < used
            || leaves.Length < leafCount || missing is not null && missing.Length < used) return null;
        for (int i = 0; i < used; i++)
        {
            if ((uint)feature[i] >= (uint)featureCount || !Links(i, lte[i], used, leafCount) || !Links(i, gt[i], used, leafCount)) return null;
        }
        if (missing is not null && Array.TrueForAll(missing, m => m == 0f)) missing = null;   // as ML.NET: all zero means none
        return new DecisionTree(lte, gt, feature, threshold, missing, leaves);
    }

    /// <summary>A child link goes to a later node (FastTree appends the node a split makes) or to a leaf that exists,
    /// so every walk ends.</summary>
    private static bool Links(int node, int child, int nodes, int leaves) => child >= 0 ? child > node && child < nodes : ~child < leaves;

    /// <summary>The value of the leaf <paramref name="features"/> falls into.</summary>
    public double Output(ReadOnlySpan<float> features)
    {
        int node = 0;
        while (node >= 0)
        {
            float value = features[_feature[node]];
            if (_missing is not null && float.IsNaN(value)) value = _missing[node];
            node = value <= _threshold[node] ? _lte[node] : _gt[node];
        }
        return _leaves[~node];
    }
}
