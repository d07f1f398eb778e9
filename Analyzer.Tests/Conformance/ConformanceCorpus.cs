using Analyzer.Tests.Support;

namespace Analyzer.Tests.Conformance;

/// <summary>
/// ../shared/conformance: real public captures and the message counts Wireshark gives them (expected.tsv).
/// </summary>
public static class ConformanceCorpus
{
    public static string ExpectedPath => Path.Combine(Repo.Conformance, "expected.tsv");

    public static bool Present => File.Exists(ExpectedPath);

    public static string CapturePath(string relative) => Path.Combine(Repo.Conformance, "pcaps", relative);

    /// <summary>Rows of expected.tsv as column → value maps, keyed by the capture's relative path.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Rows()
    {
        if (!Present) return [];
        var lines = File.ReadAllLines(ExpectedPath).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split('\t');
        return lines[1..].Select(line =>
        {
            var cells = line.Split('\t');
            return header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(x => x.h, x => x.v);
        }).ToList();
    }

    /// <summary>
    /// Theory data: one capture per row; when the corpus is absent, a single row that the tests report Skipped
    /// (xunit needs at least one row to list a theory).
    /// </summary>
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows()) data.Add(row["pcap"]);
        if (data.Count == 0) data.Add(AbsentMarker);
        return data;
    }

    public const string AbsentMarker = "(conformance corpus absent)";

    public static string AbsentReason => $"conformance corpus not found: {ExpectedPath} is missing (it sits in ../shared/conformance beside the repository)";
}
