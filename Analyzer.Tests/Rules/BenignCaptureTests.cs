using Analyzer.Tests.Conformance;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Rules;

/// <summary>
/// Real captures of normal home traffic raise no alert. The only exceptions are devices that really advertise a
/// vulnerable UPnP stack, listed here with the banner they send.
/// </summary>
public class BenignCaptureTests
{
    /// <summary>(capture, device) pairs whose vulnerable-software alert is expected, and why.</summary>
    public static readonly IReadOnlyDictionary<(string Capture, string Device), string> VulnerableDevices =
        new Dictionary<(string, string), string>
        {
            [("OISF__suricata-verify/sip-ssdp-pm/ssdp.pcap", "192.168.1.1")] =
                "SERVER 'UPnP/Tomato 1.28.7500 MIPSR2Toastman-RT K26 USB Ext UPnP/1.0 MiniUPnPd/1.6': CVE-2019-12107..12111, CVE-2026-5720",
            [("ntop__nDPI/starcraft_battle.pcap", "192.168.1.254")] =
                "SERVER 'EPICENTRO UPnP/1.0 MiniUPnPd/1.6': CVE-2019-12107..12111, CVE-2026-5720",
            [("ntop__nDPI/anyconnect-vpn.pcap", "10.0.0.149")] =
                "SERVER 'Linux/3.8.13+, UPnP/1.0, Portable SDK for UPnP devices/1.6.18' (a Chromecast): CVE-2016-6255, CVE-2016-8863, CVE-2020-12695, CVE-2020-13848, CVE-2021-28302",
            [("ntop__nDPI/anyconnect-vpn.pcap", "10.0.0.151")] =
                "HTTP Server 'Roku UPnP/1.0 MiniUPnPd/1.4' of a Roku's DIAL description: CVE-2019-12107..12111, CVE-2026-5720",
            [("seladb__PcapPlusPlus/example.pcap", "10.0.0.138")] =
                "HTTP Server 'Netgear/1.0 UPnP/1.0 miniupnpd/1.0' answering a GENA SUBSCRIBE: CVE-2013-0229/0230/1461/1462, CVE-2019-12107..12111, CVE-2026-5720",
        };

    [SkippableTheory]
    [MemberData(nameof(ConformanceCorpus.Captures), MemberType = typeof(ConformanceCorpus))]
    public void AConformanceCaptureRaisesNoAlertButForVulnerableStacks(string capture)
    {
        Skip.If(capture == ConformanceCorpus.AbsentMarker, ConformanceCorpus.AbsentReason);
        var run = PipelineRunner.Analyze(ConformanceCorpus.CapturePath(capture));

        foreach (var row in run.AlertRows)
        {
            var cells = row.Split(',');
            string rule = cells[1], device = cells[4];
            Assert.True(rule == "ssdp-vuln-stack-banner" && VulnerableDevices.ContainsKey((capture, device)),
                $"unexpected alert in {capture}: {row}");
        }
        int expected = VulnerableDevices.Keys.Count(k => k.Capture == capture);
        Assert.Equal(expected, run.AlertRows.Length);
    }
}
