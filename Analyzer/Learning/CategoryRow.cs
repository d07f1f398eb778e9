using Microsoft.ML;
using Microsoft.ML.Data;

namespace Analyzer.Learning;

/// <summary>The category model's training row: a window's feature vector and its class (benign or a category).</summary>
internal sealed class CategoryRow
{
    public const string LabelColumn = "Label";

    public float[] Features { get; set; } = [];
    public string Label { get; set; } = "";

    public static IDataView Load(MLContext ml, IEnumerable<LabeledWindow> windows)
    {
        var schema = SchemaDefinition.Create(typeof(CategoryRow));
        schema[HostWindowRow.FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, HostWindowFeatures.Count);
        return ml.Data.LoadFromEnumerable(windows.Select(w => new CategoryRow { Features = w.Window.Features, Label = w.Class }), schema);
    }
}
