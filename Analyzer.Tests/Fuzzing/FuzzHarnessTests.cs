using Analyzer.Capture;
using Analyzer.Decoding.Link;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Fuzzing;

/// <summary>The harness itself: deterministic, and able to fail (a planted crash, hang or broken property is reported).</summary>
public class FuzzHarnessTests
{
    private static readonly byte[] Seed = "NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nNT: upnp:rootdevice\r\nCONTENT-LENGTH: 12\r\n\r\n"u8.ToArray();

    [Fact]
    public void TheSameRandomSourceGivesTheSameMutations()
    {
        var a = Enumerable.Range(0, 50).Select(i => Mutator.Mutate(new Random(i), Seed, [Seed], 4096)).ToList();
        var b = Enumerable.Range(0, 50).Select(i => Mutator.Mutate(new Random(i), Seed, [Seed], 4096)).ToList();

        Assert.Equal(a, b);
        Assert.True(a.Count(m => !m.AsSpan().SequenceEqual(Seed)) >= 45);
        Assert.All(a, m => Assert.True(m.Length <= 4096));
    }

    [Fact]
    public void CaseSeedsAreStableAcrossProcesses()
    {
        // Pinned: a case seed in a crash report must rebuild the same case on any machine, any day.
        Assert.Equal(FuzzRunner.CaseSeed(1, 0), FuzzRunner.CaseSeed(1, 0));
        Assert.NotEqual(FuzzRunner.CaseSeed(1, 0), FuzzRunner.CaseSeed(1, 1));
        Assert.NotEqual(FuzzRunner.CaseSeed(1, 0), FuzzRunner.CaseSeed(2, 0));
        Assert.Equal(836036697, FuzzRunner.CaseSeed(20261126, 7));
    }

    [Fact]
    public void AnExceptionInATargetIsReportedWithItsCaseSeed()
    {
        var report = FuzzRunner.Run(new PlantedTarget(data => { if (data.Length > Seed.Length) throw new IndexOutOfRangeException(); }),
            1, 500, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        Assert.NotEmpty(report.Failures);
        var failure = report.Failures[0];
        Assert.Equal("exception", failure.Kind);
        Assert.StartsWith("IndexOutOfRangeException", failure.Message);
        Assert.Equal("exception", FuzzRunner.RunOne(new PlantedTarget(data => { if (data.Length > Seed.Length) throw new IndexOutOfRangeException(); }), failure.CaseSeed)!.Kind);
    }

    [Fact]
    public void ACaseThatRunsTooLongIsReportedAsAHang()
    {
        using var release = new ManualResetEventSlim();
        var report = FuzzRunner.Run(new PlantedTarget(_ => release.Wait(TimeSpan.FromSeconds(30))),
            1, 10, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(300));
        release.Set();

        var failure = Assert.Single(report.Failures);
        Assert.Equal("hang", failure.Kind);
    }

    [Fact]
    public void AFailingCaseIsWrittenAsAPcapThatTheCaptureReaderOpens()
    {
        using var dir = new TempDir();
        var fuzzCase = new FuzzCase();
        fuzzCase.SetInput(Seed);
        fuzzCase.AddFrame(LinkType.Ethernet, 1_700_000_000_000_000, FuzzFrames.Udp(FuzzFrames.Addresses[1], FuzzFrames.Addresses[4], 50000, 1900, Seed));
        fuzzCase.AddFrame(LinkType.Ethernet, () => (1_700_000_000_000_001, FuzzFrames.Udp(FuzzFrames.Addresses[2], FuzzFrames.Addresses[4], 50001, 1900, Seed)));

        var stem = FuzzCaseWriter.Write(dir.Path, new FuzzFailure("ssdp", 42, "exception", "planted", fuzzCase));

        Assert.Equal(Seed, File.ReadAllBytes(stem + ".bin"));
        Assert.Contains("--replay ssdp:42", File.ReadAllText(stem + ".txt"));
        var run = PipelineRunner.Analyze(stem + ".pcap");
        Assert.Equal(2, run.Statistics.Packets);
        Assert.Equal(2, run.Statistics.MessagesByProtocol["ssdp"]);
    }

    private sealed class PlantedTarget(Action<byte[]> parse) : FuzzTarget
    {
        public override string Name => "planted";
        public override string Description => "a parser with a planted bug";

        public override void RunCase(Random rng, FuzzCase fuzzCase)
        {
            var input = Mutator.Mutate(rng, Seed, [Seed], 4096);
            fuzzCase.SetInput(input);
            parse(input);
        }
    }
}
