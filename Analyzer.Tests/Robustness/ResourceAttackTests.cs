using Analyzer.Decoding.Ip;
using Analyzer.Decoding.Link;
using Analyzer.Flows;
using Analyzer.Pipeline;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Robustness;

/// <summary>
/// Captures built to exhaust the sensor: state stays within its caps and memory stays bounded. Each test feeds the
/// real pipeline frame by frame (no file), so it is bounded in time too.
/// </summary>
[Collection(ResourceAttackCollection.Name)]
public class ResourceAttackTests
{
    /// <summary>Managed memory a test may leave behind after a million-packet attack.</summary>
    private const long MemoryBudgetBytes = 120L * 1024 * 1024;

    private static (AnalyzerPipeline Pipeline, TempDir Dir) NewPipeline(Func<PipelineSettings, PipelineSettings>? configure = null)
    {
        var dir = new TempDir();
        var settings = new PipelineSettings { AlertsPath = dir.File("alerts.csv"), FlowsPath = dir.File("flows.csv") };
        return (new AnalyzerPipeline(configure?.Invoke(settings) ?? settings), dir);
    }

    private static long ManagedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    [Fact]
    public void AMillionDistinctFlowsStayWithinTheFlowCap()
    {
        var (pipeline, dir) = NewPipeline();
        using var _ = dir;
        using var __ = pipeline;
        var frame = Frames.Ethernet(0x0800, Frames.Ipv4("10.0.0.1", "10.0.0.2", 17, Frames.Udp(1, 2, new byte[16])));
        long before = ManagedBytes();

        for (int i = 0; i < 1_000_000; i++)
        {
            // Vary the source address and port in place: every packet is a new flow.
            frame[26] = (byte)(i >> 16); frame[27] = (byte)(i >> 8); frame[28] = (byte)i;
            frame[34] = (byte)(i >> 8); frame[35] = (byte)i;
            pipeline.OnFrame(LinkType.Ethernet, 1_700_000_000_000_000 + i, frame, frame.Length);
            Assert.True(pipeline.ActiveFlows <= FlowTableLimits.DefaultMaxFlows);
        }
        long growth = ManagedBytes() - before;
        pipeline.Finish();

        Assert.True(growth < MemoryBudgetBytes, $"managed memory grew by {growth / 1048576} MB");
        Assert.Equal(1_000_000 - FlowTableLimits.DefaultMaxFlows, pipeline.Statistics.FlowsEvicted);
    }

    [Fact]
    public void AFloodOfFragmentsThatNeverCompleteStaysWithinTheFragmentCap()
    {
        var (pipeline, dir) = NewPipeline();
        using var _ = dir;
        using var __ = pipeline;
        long before = ManagedBytes();

        for (int i = 0; i < 200_000; i++)
        {
            var frame = Frames.Ethernet(0x0800, Frames.Ipv4("203.0.113.7", "192.168.1.1", 17, new byte[64], (ushort)i, 0, moreFragments: true));
            frame[26] = (byte)(i >> 16);
            pipeline.OnFrame(LinkType.Ethernet, 1_700_000_000_000_000 + i, frame, frame.Length);
        }
        long growth = ManagedBytes() - before;
        pipeline.Finish();

        Assert.True(growth < MemoryBudgetBytes, $"managed memory grew by {growth / 1048576} MB");
        Assert.Equal(200_000, pipeline.Statistics.Fragments);
        Assert.Equal(200_000 - FragmentReassembler.MaxPendingDatagrams, pipeline.Statistics.AnomaliesById["ip.fragment_cap"]);
    }
}
