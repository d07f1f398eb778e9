using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Soap;

namespace Analyzer.Tests.Decoding.Http;

/// <summary>
/// Every capture of the shared conformance corpus, replayed through the HTTP analyzer: the soap and gena message
/// counts must equal Wireshark's in expected.tsv (see conformance/README.md).
/// </summary>
public class HttpConformanceTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(CaptureReplay.ConformanceRoot, "expected.tsv")).Skip(1))
            if (line.Length > 0) data.Add(line.Split('\t')[0]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void SoapAndGenaCountsMatchWireshark(string capture)
    {
        var root = CaptureReplay.ConformanceRoot;
        var lines = File.ReadAllLines(Path.Combine(root, "expected.tsv"));
        var header = lines[0].Split('\t');
        var row = lines.Skip(1).Select(l => l.Split('\t')).Single(r => r[0] == capture);
        string Expected(string column) => row[Array.IndexOf(header, column)];

        var sink = CaptureReplay.Run(Path.Combine(root, "pcaps", capture));
        var requests = sink.Events.OfType<SoapRequest>().ToList();
        var gena = sink.Events.OfType<GenaMessage>().ToList();
        string actions = string.Join(';', requests.GroupBy(r => r.Action).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}={g.Count()}"));

        Assert.Equal(Expected("soap_request"), requests.Count.ToString());
        Assert.Equal(Expected("soap_actions"), actions);
        Assert.Equal(Expected("gena_subscribe"), gena.Count(g => g.Kind == "SUBSCRIBE").ToString());
        Assert.Equal(Expected("gena_unsubscribe"), gena.Count(g => g.Kind == "UNSUBSCRIBE").ToString());
        Assert.Equal(Expected("gena_notify"), gena.Count(g => g.Kind == "NOTIFY").ToString());
    }
}
