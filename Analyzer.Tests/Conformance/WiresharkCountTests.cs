using Analyzer.Events;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Conformance;

/// <summary>
/// The per-message log must count what Wireshark counts on every conformance capture (conformance/README.md).
/// </summary>
public class WiresharkCountTests
{
    public static TheoryData<string> Captures => ConformanceCorpus.Captures();

    private static bool IsResponse(AnalyzerEvent e) => e.Message.EndsWith("Response", StringComparison.Ordinal) || e.Message == "Fault";

    [SkippableTheory]
    [MemberData(nameof(Captures))]
    public void EventCountsMatchWireshark(string capture)
    {
        Skip.If(capture == ConformanceCorpus.AbsentMarker, ConformanceCorpus.AbsentReason);
        var expected = ConformanceCorpus.Rows().Single(r => r["pcap"] == capture);

        var run = PipelineRunner.Analyze(ConformanceCorpus.CapturePath(capture));
        var c = run.Counter;

        var actual = new Dictionary<string, string>
        {
            ["ssdp_msearch"] = c.Count(e => e.Protocol == "ssdp" && e.Message == "M-SEARCH").ToString(),
            ["ssdp_notify"] = c.Count(e => e.Protocol == "ssdp" && e.Message == "NOTIFY").ToString(),
            ["ssdp_response"] = c.Count(e => e.Protocol == "ssdp" && e.Message == "RESPONSE").ToString(),
            ["soap_request"] = c.Count(e => e.Protocol == "soap" && !IsResponse(e)).ToString(),
            ["soap_actions"] = string.Join(";", c.Events.Where(e => e.Protocol == "soap" && !IsResponse(e))
                .GroupBy(e => e.Message).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}")),
            ["gena_subscribe"] = c.Count(e => e.Protocol == "gena" && e.Message == "SUBSCRIBE").ToString(),
            ["gena_unsubscribe"] = c.Count(e => e.Protocol == "gena" && e.Message == "UNSUBSCRIBE").ToString(),
            ["gena_notify"] = c.Count(e => e.Protocol == "gena" && e.Message == "NOTIFY").ToString(),
            ["natpmp_request"] = c.Count(e => e.Protocol == "natpmp" && !IsResponse(e)).ToString(),
            ["natpmp_response"] = c.Count(e => e.Protocol == "natpmp" && IsResponse(e)).ToString(),
            ["pcp_request"] = c.Count(e => e.Protocol == "pcp" && !IsResponse(e)).ToString(),
            ["pcp_response"] = c.Count(e => e.Protocol == "pcp" && IsResponse(e)).ToString(),
        };

        foreach (var (column, value) in actual)
        {
            var known = KnownDifferences.For(capture, column);
            var want = known?.AnalyzerValue ?? expected[column];
            Assert.True(want == value, $"{capture}: {column} expected {want}, got {value}");
        }
        foreach (var d in KnownDifferences.All.Where(d => d.Capture == capture))
        {
            // The difference is exactly the documented frames: replies that Wireshark leaves undissected.
            var offPort = c.Events.Where(e => e.Protocol == "ssdp" && e.Message == "RESPONSE" && e.Packet.SrcPort != 1900 && e.Packet.DstPort != 1900)
                .Select(e => e.Packet.FrameNumber).Order().ToArray();
            Assert.Equal(d.Frames, offPort);
        }
        Assert.All(run.Results, r => Assert.Null(r.Error));
    }
}
