using System.Globalization;
using Analyzer.Generation.Capture;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Packets;
using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// The ways one capture differs from a plain one, chosen by its seed: link framing, IPv6 for the conversations that
/// allow it, TCP irregularities, the file format (unless the user forces one), and the formatting habits of
/// script-driven clients.
/// </summary>
public sealed record CaptureVariation(
    LinkLayerKind Link,
    ushort VlanId,
    bool PreferIpv6,
    TcpIrregularities Tcp,
    CaptureFileFormat Format,
    HttpStyle ScriptHttp,
    SoapStyle ScriptSoap)
{
    public static CaptureVariation Choose(GenerationRandom random)
    {
        double link = random.NextDouble();
        var kind = link < 0.6 ? LinkLayerKind.Ethernet : link < 0.8 ? LinkLayerKind.Vlan : LinkLayerKind.LinuxSll;
        ushort vlan = kind == LinkLayerKind.Vlan ? (ushort)random.Pick([10, 20, 42, 100, 101, 2001]) : (ushort)0;
        bool ipv6 = random.Chance(0.3);
        var tcp = TcpIrregularities.None;
        if (!random.Chance(0.3))
        {
            while (tcp == TcpIrregularities.None)
            {
                foreach (var flag in (TcpIrregularities[])[TcpIrregularities.Split, TcpIrregularities.Reorder,
                             TcpIrregularities.Retransmit, TcpIrregularities.Overlap])
                    if (random.Chance(0.5)) tcp |= flag;
            }
        }
        var format = random.Chance(0.25) ? CaptureFileFormat.PcapNg : CaptureFileFormat.Pcap;
        return new CaptureVariation(kind, vlan, ipv6, tcp, format, HttpStyle.Choose(random), SoapStyle.Choose(random));
    }

    /// <summary>A short description for the labels' note column, e.g. <c>link=vlan:100 ipv6 tcp=Split,Reorder</c>.</summary>
    public string Describe()
    {
        string link = Link switch
        {
            LinkLayerKind.Vlan => "vlan:" + VlanId.ToString(CultureInfo.InvariantCulture),
            LinkLayerKind.LinuxSll => "linux-sll",
            _ => "ethernet",
        };
        string tcp = Tcp == TcpIrregularities.None ? "plain" : Tcp.ToString().Replace(" ", "");
        return $"link={link}{(PreferIpv6 ? " ipv6" : "")} tcp={tcp}";
    }
}
