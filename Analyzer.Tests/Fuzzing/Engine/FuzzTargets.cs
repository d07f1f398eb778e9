using Analyzer.Decoding;
using Analyzer.Decoding.Description;
using Analyzer.Decoding.Cast;
using Analyzer.Decoding.Dial;
using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Soap;
using Analyzer.Decoding.Ssdp;

namespace Analyzer.Tests.Fuzzing;

/// <summary>Every fuzz target, built from one seed corpus. Names are what the driver's <c>--target</c> takes.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> Create(SeedCorpus corpus)
    {
        var http = corpus.Conversations.Where(c => LooksLikeHttp(c.Client.ToArray())).ToList();
        List<TcpConversation> Select(Func<TcpConversation, string, bool> wants) =>
            http.Where(c => wants(c, c.Text)).ToList();
        var soap = Select((_, t) => t.Contains("SOAPACTION", StringComparison.OrdinalIgnoreCase));
        var gena = Select((_, t) => t.Contains("SUBSCRIBE ", StringComparison.Ordinal) || t.Contains("NT: upnp:event", StringComparison.OrdinalIgnoreCase));
        var dial = Select((_, t) => t.Contains("/apps/", StringComparison.Ordinal) || t.Contains("Application-URL", StringComparison.OrdinalIgnoreCase));
        var cast = Select((c, t) => c.ServerPort is 8008 or 8009 or 8443 || t.Contains("/setup/", StringComparison.Ordinal));
        var description = Select((_, t) => t.Contains("<root", StringComparison.Ordinal));
        var head = new HttpHead();
        return
        [
            new DatagramTarget("ssdp", "SsdpAnalyzer + SsdpParser: mutated SSDP datagrams of the seed captures", corpus.Ssdp, [SsdpAnalyzer.Port],
                () => new SsdpAnalyzer(),
                (payload, packet) =>
                {
                    if (SsdpParser.Parse(packet, payload, head, out _, out _) == ParseStatus.Incomplete) SsdpParser.DescribeUnterminated(packet, payload);
                },
                a =>
                {
                    if (((SsdpAnalyzer)a).TrackedSearchers > SsdpAnalyzer.MaxTrackedSearchers) throw new FuzzPropertyException("searcher table over its cap");
                }),
            new DatagramTarget("natpmp", "NatPmpAnalyzer + NatPmpParser: mutated NAT-PMP datagrams", corpus.NatPmp,
                [NatPmpAnalyzer.ClientPort, NatPmpAnalyzer.ServerPort], () => new NatPmpAnalyzer(), ParseNatPmpAndPcp),
            new DatagramTarget("pcp", "NatPmpAnalyzer + PcpParser: mutated PCP datagrams (options included)", corpus.Pcp,
                [NatPmpAnalyzer.ClientPort, NatPmpAnalyzer.ServerPort], () => new NatPmpAnalyzer(), ParseNatPmpAndPcp),
            new ConversationTarget("http", "HttpStreamAnalyzer: every HTTP conversation, mutated and cut into hostile segments", http, [], null),
            new ConversationTarget("soap", "SOAP control conversations through HttpStreamAnalyzer; SoapEnvelopeParser on mutated bodies", soap,
                corpus.Bodies(soap.Contains), body => SoapEnvelopeParser.Parse(body)),
            new ConversationTarget("gena", "GENA conversations through HttpStreamAnalyzer; GenaPropertySetParser on mutated bodies", gena,
                corpus.Bodies(gena.Contains), body => GenaPropertySetParser.Parse(body, out _, out _)),
            new ConversationTarget("dial", "DIAL conversations through HttpStreamAnalyzer; DialAppStatusParser on mutated bodies", dial,
                corpus.Bodies(dial.Contains), body => DialAppStatusParser.Parse(body, out _)),
            new ConversationTarget("cast", "Cast conversations through HttpStreamAnalyzer; CastJson.Flatten on mutated bodies", cast,
                corpus.Bodies(cast.Contains), body => CastJson.Flatten(body, out _, out _)),
            new ConversationTarget("description", "Description fetches through HttpStreamAnalyzer; DeviceDescriptionParser on mutated bodies", description,
                corpus.Bodies(description.Contains), body => DeviceDescriptionParser.Parse(body)),
            new ReassemblyTarget(http),
            new LinkTarget(corpus.Frames),
            new PipelineTarget(corpus.Frames),
        ];
    }

    private static void ParseNatPmpAndPcp(byte[] payload, PacketInfo packet)
    {
        NatPmpParser.TryParse(payload, packet, out _, out _);
        PcpParser.TryParse(payload, packet, out _, out _);
    }

    /// <summary>A method token (capitals, '-') then a space: how every seed request starts.</summary>
    private static bool LooksLikeHttp(byte[] request)
    {
        int i = 0;
        while (i < request.Length && (request[i] is >= (byte)'A' and <= (byte)'Z' || request[i] == (byte)'-')) i++;
        return i > 0 && i < request.Length && request[i] == (byte)' ';
    }
}
