using Analyzer.Labels;

namespace Analyzer.Learning;

/// <summary>
/// The labels files of a training or evaluation run as the trainer's per-capture labels: the whole-file label and the
/// attack instances of each capture, the capture named relative to the directory of its labels file.
/// </summary>
public static class TrainingLabels
{
    /// <summary>
    /// Every capture the labels files name, in order; a capture named by two files keeps the labels of the first.
    /// </summary>
    /// <exception cref="InvalidDataException">A labels file is missing or malformed, a row names an address that is not
    /// one, or a capture named does not exist; the message is one line naming the file.</exception>
    /// <exception cref="IOException">A labels file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A labels file may not be read.</exception>
    public static List<CaptureLabels> Read(IReadOnlyList<string> labelsPaths)
    {
        var captures = new List<CaptureLabels>();
        foreach (string labelsPath in labelsPaths)
            foreach (var capture in FromRows(labelsPath, ReadRows(labelsPath)))
                if (!captures.Any(c => c.Path == capture.Path)) captures.Add(capture);
        foreach (var capture in captures)
            if (!File.Exists(capture.Path)) throw new InvalidDataException($"{capture.Path}: no such file (named in the labels)");
        return captures;
    }

    /// <summary>
    /// The captures of one labels file's rows: a capture without a whole-file row is <c>mixed</c>; the scenario of the
    /// whole-file row is the capture's group in cross-validation.
    /// </summary>
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

    private static IReadOnlyList<LabelRow> ReadRows(string labelsPath)
    {
        try
        {
            return LabelsFile.Read(labelsPath);
        }
        catch (FileNotFoundException e)
        {
            throw new InvalidDataException($"{labelsPath}: no such file", e);
        }
        catch (LabelsFormatException e)
        {
            throw new InvalidDataException($"{labelsPath}: {e.Message}", e);
        }
    }

    private static NetAddress? Address(string text, string labelsPath, string file)
    {
        if (text.Length == 0) return null;
        if (NetAddress.TryParse(text, out var address)) return address;
        throw new InvalidDataException($"{labelsPath}: {file}: '{text}' is not an IP address");
    }

    private static long Micros(DateTime time) => (time.ToUniversalTime() - DateTime.UnixEpoch).Ticks / 10;
}
