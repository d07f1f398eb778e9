using Analyzer.Decoding.Description;
using Analyzer.Decoding.Cast;
using Analyzer.Decoding.Dial;
using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Soap;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;

namespace Analyzer.Banners;

/// <summary>
/// Where events carry banners: a SERVER header describes the host that sent it (SSDP NOTIFY and search replies,
/// SOAP, GENA, DIAL and description responses), a USER-AGENT the client that sent it (M-SEARCH, HTTP requests).
/// </summary>
public static class BannerSources
{
    public static void Collect(AnalyzerEvent e, List<BannerSighting> into)
    {
        switch (e)
        {
            case SsdpMessage ssdp:
                Add(e, "SERVER", ssdp.Server, into);
                Add(e, "USER-AGENT", ssdp.UserAgent, into);
                break;
            case SoapRequest soap:
                Add(e, "USER-AGENT", soap.UserAgent, into);
                break;
            case SoapResponse soap:
                Add(e, "SERVER", soap.Server, into);
                break;
            case GenaMessage gena:
                Add(e, "SERVER", gena.Server, into);
                Add(e, "USER-AGENT", gena.UserAgent, into);
                break;
            case DialMessage dial:
                Add(e, "SERVER", dial.Server, into);
                Add(e, "USER-AGENT", dial.UserAgent, into);
                break;
            case CastMessage cast:
                Add(e, "USER-AGENT", cast.UserAgent, into);
                break;
            case DescriptionMessage description:
                Add(e, "SERVER", description.Server, into);
                break;
        }
    }

    private static void Add(AnalyzerEvent e, string header, string? text, List<BannerSighting> into)
    {
        if (!string.IsNullOrWhiteSpace(text)) into.Add(new(e.Packet.Src, header, text));
    }
}
