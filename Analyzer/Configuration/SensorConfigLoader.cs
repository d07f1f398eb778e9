using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Analyzer.Configuration;

/// <summary>
/// Reads the configuration file. YAML is turned into the same JSON tree as a .json file, so both go through one
/// binder (System.Text.Json, snake_case names, unknown keys rejected).
/// </summary>
public static class SensorConfigLoader
{
    /// <summary>A configuration file larger than this is not a configuration file.</summary>
    public const long MaxConfigBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static SensorConfig Load(string path)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new ConfigException($"{path}: no such file");
            if (info.Length > MaxConfigBytes) throw new ConfigException($"{path}: larger than {MaxConfigBytes} bytes");
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read: {e.Message}", e);
        }
        return Parse(text, path);
    }

    public static SensorConfig Parse(string text, string name)
    {
        try
        {
            JsonNode? tree = text.TrimStart().StartsWith('{') ? JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) : YamlToJson(text);
            if (tree is null) return new SensorConfig();
            return tree.Deserialize<SensorConfig>(Options) ?? new SensorConfig();
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{name}: {Describe(e)}", e);
        }
        catch (YamlException e)
        {
            throw new ConfigException($"{name}: line {e.Start.Line}: {e.Message}", e);
        }
    }

    private static string Describe(JsonException e)
    {
        var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $"at '{e.Path.TrimStart('$', '.')}': ";
        var msg = e.Message.Split(" Path:", 2)[0];
        if (msg.Contains("could not be mapped", StringComparison.Ordinal)) msg = "unknown setting " + msg.Split('\'').ElementAtOrDefault(1);
        return where + msg;
    }

    private static JsonNode? YamlToJson(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode s)
    {
        var v = s.Value;
        if (s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) return JsonValue.Create(v);
        if (v is null or "" or "~" or "null") return null;
        if (v is "true" or "True") return JsonValue.Create(true);
        if (v is "false" or "False") return JsonValue.Create(false);
        if (long.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
        return JsonValue.Create(v);
    }
}
