using Microsoft.ML;
using Microsoft.ML.Data;

namespace Analyzer.Learning;

/// <summary>The model's input row: the feature vector of one host window (<see cref="HostWindowFeatures"/> order).</summary>
internal sealed class HostWindowRow
{
    public const string FeaturesColumn = "Features";

    public float[] Features { get; set; } = [];

    /// <summary>The row schema with the vector's length fixed, which the PCA trainer needs.</summary>
    public static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(HostWindowRow));
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, HostWindowFeatures.Count);
        return schema;
    }

    public static IDataView Load(MLContext ml, IEnumerable<float[]> vectors) =>
        ml.Data.LoadFromEnumerable(vectors.Select(v => new HostWindowRow { Features = v }), Schema());
}
