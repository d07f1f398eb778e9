using Analyzer.Decoding;
using Analyzer.Learning;

namespace Analyzer.Tests.Learning;

/// <summary>
/// Small labelled feature sets made in the test, so that training takes well under a second: benign hosts that
/// announce, search and answer like home devices, and attackers that flood mappings for other hosts on sensitive ports.
/// </summary>
internal static class SyntheticWindows
{
    public const long WindowUs = FeatureExtractor.DefaultWindowUs;
    private const long BaseUs = 1_773_478_800_000_000;

    public static List<LabeledWindow> Make(int seed, int captures = 12, int hostsPerCapture = 8, int windowsPerHost = 4, bool withAttacks = true)
    {
        var random = new Random(seed);
        var windows = new List<LabeledWindow>();
        for (int c = 0; c < captures; c++)
        {
            string capture = $"capture-{c}.pcap";
            for (int h = 0; h < hostsPerCapture; h++)
            {
                var host = NetAddress.Parse($"192.168.{c}.{h + 10}");
                bool attacker = withAttacks && h == 0 && c % 2 == 1;
                for (int k = 0; k < windowsPerHost; k++)
                {
                    var counters = attacker && k >= 1 ? Attack(random, host) : Benign(random, k == 0);
                    bool attack = attacker && k >= 1;
                    windows.Add(new LabeledWindow(Window(capture, host, k, counters), attack ? WindowLabel.Attack : WindowLabel.Benign,
                        attack ? "portmap-abuse" : null));
                }
            }
        }
        return windows;
    }

    public static HostWindow Window(string capture, NetAddress host, int index, HostWindowCounters counters)
    {
        var raw = new double[HostWindowFeatures.Count];
        var features = new float[HostWindowFeatures.Count];
        HostWindowFeatures.Compute(counters, raw, features);
        long start = BaseUs + index * WindowUs;
        return new HostWindow
        {
            Host = host, StartUs = start, EndUs = start + WindowUs, FirstEventUs = start, FirstFrame = 1, Protocol = "ssdp",
            Capture = capture, Raw = raw, Features = features,
        };
    }

    public static HostWindowCounters Benign(Random random, bool first)
    {
        var c = new HostWindowCounters { NewHost = first };
        c.SsdpNotify = random.Next(0, 8);
        c.SsdpMSearch = random.Next(0, 3);
        c.SsdpSearchBytesSent = c.SsdpMSearch * random.Next(100, 140);
        c.SsdpResponsesReceived = c.SsdpMSearch * random.Next(0, 6);
        c.SsdpResponseBytesReceived = c.SsdpResponsesReceived * random.Next(250, 350);
        c.SsdpResponsesSent = random.Next(0, 4);
        c.EventsSent = c.SsdpNotify + c.SsdpMSearch + c.SsdpResponsesSent;
        c.EventsReceived = c.SsdpResponsesReceived;
        c.SsdpMaxHeaderLine = c.EventsSent > 0 ? random.Next(40, 100) : 0;
        c.SsdpMaxLength = c.EventsSent > 0 ? random.Next(150, 460) : 0;
        for (int i = 0; i < Math.Min(c.SsdpResponsesReceived, 4); i++) c.Responders.Add((ulong)i);
        if (c.SsdpMSearch > 0) c.SearchTargets.Add("ssdp:all");
        if (c.SsdpNotify > 0) c.Uuids.Add("uuid:1");
        c.Protocols.Add("ssdp");
        c.DstPorts.Add(1900);
        return c;
    }

    public static HostWindowCounters Attack(Random random, NetAddress host)
    {
        var c = new HostWindowCounters();
        c.NatPmpRequests = c.MappingRequests = random.Next(20, 60);
        c.MappingOtherHost = c.MappingRequests;
        c.MappingSensitivePort = c.MappingRequests / 2;
        c.MappingPermanent = c.MappingPermanentOtherHost = c.MappingRequests;
        c.EventsSent = c.MappingRequests;
        for (int i = 0; i < c.MappingRequests; i++) c.MappingExternalPorts.Add((ulong)(40000 + i));
        c.Protocols.Add("natpmp");
        c.DstPorts.Add(5351);
        c.Peers.Add(host.Value.ToString());
        c.PeerMessages = c.MappingRequests;
        return c;
    }
}
