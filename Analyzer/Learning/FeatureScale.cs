namespace Analyzer.Learning;

/// <summary>
/// How a feature's raw value becomes the number the model sees. The scales put every feature on a common footing by
/// construction (counts, byte lengths and seconds as log2(1 + x), shares and flags as they are), which is why the
/// model has no learned normalizer: one learned from benign windows gives a feature that never varies there a scale
/// of 0 (or infinity), blinding the model to exactly the behaviour it exists to notice (docs/model.md).
/// </summary>
public enum FeatureScale : byte
{
    /// <summary>A number of messages or distinct values: log2(1 + n).</summary>
    Count,
    /// <summary>A length in bytes: log2(1 + n).</summary>
    Bytes,
    /// <summary>A duration in seconds: log2(1 + s).</summary>
    Seconds,
    /// <summary>A fraction in [0, 1], as is.</summary>
    Share,
    /// <summary>0 or 1, as is.</summary>
    Flag,
    /// <summary>A positive ratio: log2(r).</summary>
    Ratio,
}
