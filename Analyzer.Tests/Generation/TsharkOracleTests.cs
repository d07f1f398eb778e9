using Analyzer.Generation;
using Analyzer.Generation.Scenarios;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Generation;

/// <summary>Wireshark as the judge of protocol correctness: no malformed frame, and the HTTP exchanges it reassembles.</summary>
public class TsharkOracleTests
{
    [TsharkFact]
    public void TsharkFindsNoMalformedFrameAndNoBadChecksumInAnyCapture()
    {
        using var dir = new TempDir();
        var captures = CaptureGenerator.WriteCorpus(dir.Path, ScenarioCatalog.All, seed: 3);
        // One tshark run over the concatenated captures is many times faster than one per file; each capture keeps
        // its own interface (link type) in the merged pcapng.
        var files = captures.Select(c => dir.File(c.FileName)).ToList();
        if (Tshark.MergecapPath is not null)
        {
            Tshark.Mergecap(["-a", "-w", dir.File("all.pcapng"), .. files]);
            files = [dir.File("all.pcapng")];
        }

        var problems = files.Select(file => (file, frames: Tshark.Run("-r", file, "-o", "tcp.check_checksum:TRUE",
                "-o", "udp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE", "-Y", "_ws.malformed || _ws.expert.severity == error",
                "-T", "fields", "-e", "frame.number").Trim()))
            .Where(r => r.frames.Length > 0)
            .Select(r => $"{Path.GetFileName(r.file)}: frames {r.frames.Replace('\n', ' ')}");

        Assert.Empty(problems);
    }

    [TsharkFact]
    public void TsharkFollowsTheSoapExchangesOfTheConsole()
    {
        using var dir = new TempDir();
        var capture = CaptureGenerator.WriteCorpus(dir.Path, [ScenarioCatalog.Find("console-port-mapping")!], seed: 1)[0];
        string path = dir.File(capture.FileName);
        string streams = Tshark.Run("-r", path, "-Y", "http.request.method == \"POST\" && http.request.line contains \"AddPortMapping\"",
            "-T", "fields", "-e", "tcp.stream");
        string first = streams.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];

        string follow = Tshark.Run("-r", path, "-q", "-z", $"follow,tcp,ascii,{first}");

        Assert.Contains("POST ", follow);
        Assert.Contains("#AddPortMapping\"", follow);
        Assert.Contains("<NewPortMappingDescription>Xbox (3074) UDP</NewPortMappingDescription>", follow);
        Assert.Contains("HTTP/1.1 ", follow);
        Assert.Contains("</s:Envelope>", follow[(follow.IndexOf("HTTP/1.1 ", StringComparison.Ordinal))..]);
    }
}
