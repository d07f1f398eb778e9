using Analyzer.Decoding;
using Analyzer.Generation.Labels;
using Analyzer.Learning;

namespace Analyzer.Cli.Commands.Train;

/// <summary>
/// Turns labels.csv rows (whole-file labels and attack instances) into the trainer's per-capture labels; the scenario
/// of the whole-file row is the capture's group in cross-validation.
/// </summary>
public static class TrainingLabels
{
    /// <exception cref="InvalidDataException">A row names an address that is not one.</exception>
    public static List<CaptureLabels> FromRows(string labelsPath, IReadOnlyList<LabelRow> rows)
    {
        string directory = Path.GetDirectoryName(labelsPath) ?? "";
        var captures = new List<CaptureLabels>();
        foreach (var file in rows.Select(r => r.File).Distinct(StringComparer.Ordinal))
        {
            var fileRows = rows.Where(r => r.File == file).ToList();
            var wholeFile = fileRows.FirstOrDefault(r => r.IsWholeFile);
            string label = wholeFile?.Label ?? LabelNames.Mixed;
            var attacks = fileRows.Where(r => !r.IsWholeFile).Select(r => new AttackSpan(
                Address(r.Attacker, labelsPath, file), Address(r.Victim, labelsPath, file),
                r.Start is { } s ? Micros(s) : long.MinValue,
                r.End is { } e ? Micros(e) : long.MaxValue,
                r.Label)).ToList();
            captures.Add(new CaptureLabels(Path.Combine(directory, file), label, attacks, wholeFile?.Scenario));
        }
        return captures;
    }

    private static NetAddress? Address(string text, string labelsPath, string file)
    {
        if (text.Length == 0) return null;
        if (NetAddress.TryParse(text, out var address)) return address;
        throw new InvalidDataException($"{labelsPath}: {file}: '{text}' is not an IP address");
    }

    private static long Micros(DateTime time) => (time.ToUniversalTime() - DateTime.UnixEpoch).Ticks / 10;
}
