using Analyzer.Generation.Capture;
using Analyzer.Labels;
using Analyzer.Generation.Network;
using Analyzer.Generation.Packets;
using Analyzer.Generation.Scenarios;
using Analyzer.Generation.Randomness;

namespace Analyzer.Generation;

/// <summary>
/// Runs scenarios into captures and writes them with their <c>labels.csv</c>. A capture depends only on the run
/// seed and the scenario's name (<see cref="GenerationRandom.DeriveSeed"/>), and its times start from a fixed base,
/// so the same seed gives the same bytes on every machine with the same .NET version.
/// </summary>
public static class CaptureGenerator
{
    /// <summary>Every capture starts within the hours after this instant.</summary>
    public static readonly DateTime BaseTime = new(2026, 3, 14, 9, 0, 0, DateTimeKind.Utc);
    private const long MaxStartOffsetUs = 8L * 3600 * 1_000_000;

    /// <param name="format">Forces the file format; null lets the scenario or the seed choose.</param>
    public static GeneratedCapture Generate(IScenario scenario, int seed, CaptureFileFormat? format = null)
    {
        var random = new GenerationRandom(GenerationRandom.DeriveSeed(seed, scenario.Name));
        var variation = CaptureVariation.Choose(random);
        var network = HomeNetwork.Create(random);
        long start = ToUs(BaseTime) + random.NextLong(0, MaxStartOffsetUs);
        var context = new ScenarioContext(network, random, variation, start);
        scenario.Generate(context);

        var fileFormat = format ?? scenario.PinnedFormat ?? variation.Format;
        string fileName = scenario.Name + CaptureFileWriters.Extension(fileFormat);
        string setting = $"lan={network.LanPrefix}/{HomeNetwork.LanPrefixLength} router-wan={network.RouterWan.Ipv4} {variation.Describe()}";
        var labels = Labels(scenario, fileName, setting, context.Attacks);
        string interfaceName = variation.Link == LinkLayerKind.LinuxSll ? "any" : "eth0";
        return new GeneratedCapture(scenario, fileName, fileFormat, context.Timeline.Factory.LinkType, interfaceName,
            context.Timeline.Frames(), labels);
    }

    /// <summary>Writes one capture into <paramref name="directory"/> and returns its path.</summary>
    /// <exception cref="CaptureWriterException">The file cannot be written.</exception>
    public static string Write(GeneratedCapture capture, string directory)
    {
        string path = Path.Combine(directory, capture.FileName);
        using var writer = CaptureFileWriters.Open(path, capture.Format, capture.LinkType, capture.InterfaceName);
        foreach (var frame in capture.Frames) writer.Write(frame);
        return path;
    }

    /// <summary>Generates and writes every scenario, then <c>labels.csv</c> with all their rows.</summary>
    /// <exception cref="CaptureWriterException">A file cannot be written.</exception>
    public static IReadOnlyList<GeneratedCapture> WriteCorpus(string directory, IEnumerable<IScenario> scenarios, int seed,
        CaptureFileFormat? format = null)
    {
        Directory.CreateDirectory(directory);
        var captures = new List<GeneratedCapture>();
        foreach (var scenario in scenarios)
        {
            var capture = Generate(scenario, seed, format);
            Write(capture, directory);
            captures.Add(capture);
        }
        try
        {
            LabelsFile.Write(Path.Combine(directory, LabelsFile.FileName), captures.SelectMany(c => c.Labels));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CaptureWriterException($"cannot write {LabelsFile.FileName}: {e.Message}", e);
        }
        return captures;
    }

    public static long ToUs(DateTime time) => (time.ToUniversalTime() - DateTime.UnixEpoch).Ticks / 10;

    public static DateTime FromUs(long us) => DateTime.UnixEpoch.AddTicks(us * 10);

    private static List<LabelRow> Labels(IScenario scenario, string fileName, string setting, IReadOnlyList<AttackInstance> attacks)
    {
        // A scenario's label and what it generated must agree; a mismatch is a bug in the scenario.
        if (scenario.Label == LabelNames.Benign ? attacks.Count > 0 : attacks.Count == 0)
            throw new InvalidOperationException($"scenario {scenario.Name} is labelled {scenario.Label} but marked {attacks.Count} attacks");

        var rows = new List<LabelRow> { new(fileName, scenario.Label, scenario.Name, Note: setting) };
        foreach (var attack in attacks.OrderBy(a => a.StartUs))
        {
            string note = attack.Detail.Length > 0 ? $"{attack.Threat}; {attack.Detail}" : attack.Threat;
            rows.Add(new LabelRow(fileName, attack.Category, scenario.Name, attack.Attacker?.ToString() ?? "",
                attack.Victim.ToString(), FromUs(attack.StartUs), FromUs(attack.EndUs), note));
        }
        return rows;
    }
}
