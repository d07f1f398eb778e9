using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Soap;

/// <summary>Argument fields shared by requests and responses.</summary>
internal static class SoapFields
{
    /// <summary>
    /// arg_&lt;Name&gt; for each argument (the first of a repeated name; repeats are counted in duplicate_args), the real
    /// length in arg_&lt;Name&gt;_len when the value was capped, and args_total, the number of argument elements seen.
    /// </summary>
    public static void AddArguments(List<KeyValuePair<string, string>> fields, IReadOnlyList<SoapArgument> arguments, int count)
    {
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        int duplicates = 0;
        foreach (var a in arguments)
        {
            string name = "arg_" + a.Name;
            if (!emitted.Add(name))
            {
                duplicates++;
                continue;
            }
            fields.Add(new(name, a.Value));
            if (a.Truncated && emitted.Add(name + "_len")) fields.Add(new(name + "_len", FieldText.Number(a.Length)));
        }
        fields.Add(new("args_total", FieldText.Number(count)));
        if (duplicates > 0) fields.Add(new("duplicate_args", FieldText.Number(duplicates)));
    }
}
