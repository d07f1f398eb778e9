using System.Text;
using System.Text.Json;
using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Cast;

/// <summary>
/// The scalar members of a Cast JSON body as fields: <c>{"name":"Den","device_info":{"ssid":"home"}}</c> gives
/// json_name and json_device_info_ssid. Keys are reduced to [a-z0-9_], values capped; at most
/// <see cref="MaxFields"/> fields and <see cref="MaxDepth"/> levels. Array elements are skipped. Never throws.
/// </summary>
public static class CastJson
{
    public const int MaxFields = 32;
    public const int MaxDepth = 16;
    private const int MaxKeyChars = 64;

    public static List<KeyValuePair<string, string>> Flatten(ReadOnlySpan<byte> json, out string? paramsValue, out string? error)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        paramsValue = null;
        error = null;
        var path = new List<string>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            MaxDepth = MaxDepth,
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        });
        string? property = null;
        int arrayDepth = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = Key(reader.GetString() ?? "");
                        break;
                    case JsonTokenType.StartObject:
                        if (arrayDepth == 0 && property is not null) path.Add(property);
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                        if (arrayDepth == 0 && path.Count > 0 && reader.CurrentDepth > 0) path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.StartArray:
                        arrayDepth++;
                        property = null;
                        break;
                    case JsonTokenType.EndArray:
                        arrayDepth--;
                        break;
                    case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                        if (arrayDepth > 0 || property is null) break;
                        string value = reader.TokenType switch
                        {
                            JsonTokenType.String => reader.GetString() ?? "",
                            JsonTokenType.Null => "null",
                            _ => Encoding.UTF8.GetString(reader.ValueSpan),
                        };
                        if (path.Count == 0 && property == "params") paramsValue = FieldText.Cap(value);
                        string name = "json_" + (path.Count == 0 ? property : string.Join('_', path) + "_" + property);
                        if (fields.Count < MaxFields && names.Add(name)) fields.Add(new(name, FieldText.Cap(value)));
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            error = FieldText.Cap(e.Message, 200);
        }
        catch (InvalidOperationException e)
        {
            error = FieldText.Cap(e.Message, 200);
        }
        return fields;
    }

    private static string Key(string key)
    {
        var sb = new StringBuilder(Math.Min(key.Length, MaxKeyChars));
        foreach (char c in key)
        {
            if (sb.Length >= MaxKeyChars) break;
            sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }
        return sb.Length == 0 ? "_" : sb.ToString();
    }
}
