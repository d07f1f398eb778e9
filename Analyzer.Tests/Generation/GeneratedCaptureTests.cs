using System.Net;
using Analyzer.Generation;
using Analyzer.Generation.Capture;
using Analyzer.Labels;
using Analyzer.Generation.Scenarios;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Generation;

public class GeneratedCaptureTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    [Theory]
    [MemberData(nameof(GeneratedCorpus.ScenarioNames), MemberType = typeof(GeneratedCorpus))]
    public void EveryScenarioWritesACaptureThatSharpPcapReadsBackFrameForFrame(string name)
    {
        var capture = corpus.Captures[name];
        using var dir = new TempDir();

        string path = CaptureGenerator.Write(capture, dir.Path);
        var read = CaptureFiles.ReadAll(path);

        Assert.True(capture.Frames.Count > 20, $"{name}: only {capture.Frames.Count} frames");
        Assert.Equal(capture.Frames.Count, read.Count);
        Assert.Equal(capture.LinkType, read[0].LinkLayerType);
        for (int i = 0; i < read.Count; i++) Assert.Equal(capture.Frames[i].Data, read[i].Data);
    }

    [Theory]
    [MemberData(nameof(GeneratedCorpus.ScenarioNames), MemberType = typeof(GeneratedCorpus))]
    public void EveryFrameHasValidChecksumsFitsTheMtuAndTimesNeverGoBackwards(string name)
    {
        var capture = corpus.Captures[name];
        long previous = 0;
        foreach (var frame in capture.Frames)
        {
            Assert.True(frame.TimestampUs >= previous);
            previous = frame.TimestampUs;
            var parsed = WireFrame.Parse(frame.Data, capture.LinkType);
            if (parsed is null) continue; // ARP
            Assert.True(parsed.IpChecksumValid(), $"{name}: IPv4 header checksum");
            Assert.True(parsed.Ip.Length <= 1500, $"{name}: IP packet of {parsed.Ip.Length} bytes");
            if (parsed.Protocol is 6 or 17) Assert.True(parsed.TransportChecksumValid(), $"{name}: transport checksum");
        }
    }

    [Theory]
    [MemberData(nameof(GeneratedCorpus.ScenarioNames), MemberType = typeof(GeneratedCorpus))]
    public void LabelsAgreeWithTheScenarioAndWithTheFramesTheyPointAt(string name)
    {
        var capture = corpus.Captures[name];
        var fileRow = Assert.Single(capture.Labels, r => r.IsWholeFile);
        Assert.Equal(capture.Scenario.Label, fileRow.Label);
        Assert.Equal(capture.FileName, fileRow.File);
        var instances = capture.Labels.Where(r => !r.IsWholeFile).ToList();
        Assert.Equal(capture.Scenario.Label == LabelNames.Benign, instances.Count == 0);

        var first = CaptureGenerator.FromUs(capture.Frames[0].TimestampUs);
        var last = CaptureGenerator.FromUs(capture.Frames[^1].TimestampUs);
        foreach (var row in instances)
        {
            Assert.True(LabelNames.IsCategory(row.Label));
            Assert.NotEqual("", row.Threat);
            Assert.InRange(row.Start!.Value, first, last);
            Assert.InRange(row.End!.Value, row.Start.Value, last);
            // Some frame inside the instance's time range goes to or comes from its victim.
            byte[] victim = IPAddress.Parse(row.Victim).GetAddressBytes();
            long from = CaptureGenerator.ToUs(row.Start.Value), to = CaptureGenerator.ToUs(row.End.Value);
            Assert.Contains(capture.Frames.Where(f => f.TimestampUs >= from && f.TimestampUs <= to),
                f => WireFrame.Parse(f.Data, capture.LinkType) is { } p && (p.Source.SequenceEqual(victim) || p.Destination.SequenceEqual(victim)));
        }
    }

    [Fact]
    public void TheDemoCaptureIsPcapAndMixesBenignTrafficWithSeveralCategories()
    {
        var demo = corpus.Captures["demo-home-attacks"];

        Assert.Equal("demo-home-attacks.pcap", demo.FileName);
        Assert.Equal(LabelNames.Mixed, demo.Labels[0].Label);
        Assert.True(demo.Labels.Select(r => r.Label).Where(LabelNames.IsCategory).Distinct().Count() >= 5);
    }

    [Fact]
    public void CapturesVaryInLinkLayerFormatAndIpVersionAcrossTheCorpus()
    {
        var captures = corpus.Captures.Values.ToList();
        var notes = captures.Select(c => c.Labels[0].Note).ToList();

        Assert.Contains(notes, n => n.Contains("link=vlan:"));
        Assert.Contains(notes, n => n.Contains("link=linux-sll"));
        Assert.Contains(notes, n => n.Contains("ipv6"));
        Assert.Contains(captures, c => c.Format == CaptureFileFormat.PcapNg);
        Assert.Contains(captures, c => c.Frames.Any(f => WireFrame.Parse(f.Data, c.LinkType)?.IpVersion == 6));
    }
}
