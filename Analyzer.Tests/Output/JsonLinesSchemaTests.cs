using System.Text.Json;
using Analyzer.Capture;
using Analyzer.Output;
using Analyzer.Pipeline;
using Analyzer.Tests.Conformance;
using Analyzer.Tests.Support;
using Json.Schema;

namespace Analyzer.Tests.Output;

/// <summary>Every JSON line the analyzer writes validates against the schema of its record type in docs/schemas.</summary>
public class JsonLinesSchemaTests
{
    private static readonly string[] EventTypes = ["alert", "upnp", "flow", "mapping", "device"];

    private static readonly Dictionary<string, JsonSchema> Schemas = EventTypes.ToDictionary(t => t,
        t => JsonSchema.FromText(File.ReadAllText(Path.Combine(Repo.Root, "docs", "schemas", t + ".schema.json"))));

    /// <summary>Runs the inputs with every output as JSON lines and returns the lines of each, by event type.</summary>
    private static Dictionary<string, string[]> WriteAll(string input, int jobs)
    {
        using var dir = new TempDir();
        var settings = new PipelineSettings
        {
            Format = Analyzer.Output.OutputFormat.JsonLines,
            AlertsPath = dir.File("alerts.jsonl"),
            EventsPath = dir.File("events.jsonl"),
            FlowsPath = dir.File("flows.jsonl"),
            AllFlows = true,
            MappingsPath = dir.File("mappings.jsonl"),
            DevicesPath = dir.File("devices.jsonl"),
        };
        var (files, errors) = CaptureInputs.Expand([input]);
        Assert.Empty(errors);
        new BatchAnalyzer(settings, jobs).Run(files, null, CancellationToken.None);
        return new Dictionary<string, string[]>
        {
            ["alert"] = File.ReadAllLines(settings.AlertsPath),
            ["upnp"] = File.ReadAllLines(settings.EventsPath),
            ["flow"] = File.ReadAllLines(settings.FlowsPath),
            ["mapping"] = File.ReadAllLines(settings.MappingsPath),
            ["device"] = File.ReadAllLines(settings.DevicesPath),
        };
    }

    /// <summary>The lines that do not validate (at most a few, with their errors), empty when all do.</summary>
    private static List<string> Invalid(Dictionary<string, string[]> outputs)
    {
        var problems = new List<string>();
        foreach (var (type, lines) in outputs)
            for (int i = 0; i < lines.Length && problems.Count < 5; i++)
            {
                using var doc = JsonDocument.Parse(lines[i]);
                var declared = doc.RootElement.GetProperty("event_type").GetString();
                if (declared != type)
                {
                    problems.Add($"{type} line {i + 1}: event_type {declared}");
                    continue;
                }
                var result = Schemas[type].Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
                if (!result.IsValid)
                {
                    var errors = (result.Details ?? []).Where(d => d.Errors is not null)
                        .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
                    problems.Add($"{type} line {i + 1}: {string.Join("; ", errors)} in {lines[i]}");
                }
            }
        return problems;
    }

    [Fact]
    public void EveryLineWrittenForTheSamplesValidatesAgainstItsSchema()
    {
        var outputs = WriteAll(Repo.Samples, jobs: 2);

        Assert.Empty(Invalid(outputs));
        foreach (var type in EventTypes) Assert.NotEmpty(outputs[type]);
    }

    [ConformanceFact]
    public void EveryLineWrittenForTheConformanceCorpusValidatesAgainstItsSchema()
    {
        var outputs = WriteAll(Path.Combine(Repo.Conformance, "pcaps"), jobs: 2);

        Assert.Empty(Invalid(outputs));
        Assert.NotEmpty(outputs["upnp"]);
    }

    [Fact]
    public void JsonLinesAreTheSameWhateverTheNumberOfJobs()
    {
        var one = WriteAll(Repo.Samples, jobs: 1);
        var two = WriteAll(Repo.Samples, jobs: 2);

        foreach (var type in EventTypes) Assert.Equal(one[type], two[type]);
    }
}
