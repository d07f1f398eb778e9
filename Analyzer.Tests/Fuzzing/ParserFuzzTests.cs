using Xunit.Abstractions;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// The bounded fuzz run of the test suite: every target, a fixed run seed and a fixed number of cases (a time cap
/// guards slow machines), about a minute in all on two cores. A failure names the case seed; `analyzer-fuzz --replay
/// TARGET:SEED` rebuilds it and writes its pcap (fuzz/README.md). The long run is the same engine, for minutes.
/// </summary>
public class ParserFuzzTests(FuzzCorpusFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzCorpusFixture>
{
    private const int RunSeed = 20261126;
    private static readonly TimeSpan TimeCap = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(10);

    public static TheoryData<string, int> Budgets => new()
    {
        { "ssdp", 30000 },
        { "natpmp", 60000 },
        { "pcp", 60000 },
        { "http", 3000 },
        { "soap", 3000 },
        { "gena", 3000 },
        { "dial", 4000 },
        { "cast", 4000 },
        { "description", 3000 },
        { "reassembly", 25000 },
        { "link", 40000 },
        { "pipeline", 10000 },
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public void MutatedSeedsNeverThrowHangOrBreakACap(string target, int cases)
    {
        var report = FuzzRunner.Run(fixture.Targets[target], RunSeed, cases, TimeCap, CaseTimeout);
        output.WriteLine(report.ToString());

        if (report.Failures.Count > 0)
        {
            var dir = Path.Combine(Path.GetTempPath(), "analyzer-fuzz-failures");
            Assert.Fail(report + "\n" + string.Join("\n", report.Failures.Select(f => f + "\n  written: " + FuzzCaseWriter.Write(dir, f))));
        }
        Assert.True(report.Cases >= Math.Min(cases, 200), $"only {report.Cases} cases ran");
    }

    [Theory]
    [InlineData("ssdp")]
    [InlineData("natpmp")]
    [InlineData("pcp")]
    [InlineData("http")]
    [InlineData("soap")]
    [InlineData("gena")]
    [InlineData("dial")]
    [InlineData("cast")]
    [InlineData("description")]
    [InlineData("pipeline")]
    public void MutatedSeedsStillReachTheDecoders(string target)
    {
        var t = fixture.Targets[target];

        var report = FuzzRunner.Run(t, RunSeed + 1, 100, TimeCap, CaseTimeout);

        Assert.Empty(report.Failures);
        long events = t switch { DatagramTarget d => d.EventsSeen, ConversationTarget c => c.EventsSeen, PipelineTarget p => p.EventsSeen, _ => 0 };
        Assert.True(events > 0, $"{target}: 100 cases decoded no event");
    }

    [Fact]
    public void ReassemblyDeliversExactlyTheBytesSentUnderBenignDisorder()
    {
        var target = (ReassemblyTarget)fixture.Targets["reassembly"];

        var report = FuzzRunner.Run(target, RunSeed + 2, 400, TimeCap, CaseTimeout);

        Assert.Empty(report.Failures);
        Assert.True(target.Compared >= 50, $"delivery compared in only {target.Compared} of {report.Cases} cases");
    }

    [Fact]
    public void TheSeedCorpusCoversEveryProtocol()
    {
        var corpus = fixture.Corpus;

        Assert.True(corpus.Ssdp.Count > 100);
        Assert.True(corpus.NatPmp.Count > 5);
        Assert.True(corpus.Pcp.Count > 5);
        Assert.True(corpus.Frames.Count > 1000);
        foreach (var text in new[] { "SOAPACTION", "SUBSCRIBE ", "/apps/", "/setup/", "<root" })
            Assert.Contains(corpus.Conversations, c => c.Text.Contains(text, StringComparison.OrdinalIgnoreCase));
    }
}
