using Analyzer.Decoding.Ssdp;
using Analyzer.Events;

namespace Analyzer.Rules.Banners;

/// <summary>
/// Where events carry banners: a SERVER header describes the host that sent it (SSDP NOTIFY and search replies,
/// HTTP responses), a USER-AGENT the client that sent it (M-SEARCH, HTTP requests).
/// </summary>
public static class BannerSources
{
    public static void Collect(AnalyzerEvent e, List<BannerSighting> into)
    {
        switch (e)
        {
            case SsdpMessage ssdp:
                if (ssdp.Server is { Length: > 0 } server) into.Add(new(e.Packet.Src, "SERVER", server));
                if (ssdp.UserAgent is { Length: > 0 } agent) into.Add(new(e.Packet.Src, "USER-AGENT", agent));
                break;
        }
    }
}
