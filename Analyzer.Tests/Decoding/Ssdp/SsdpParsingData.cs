using System.Text;
using Analyzer.Decoding.Ssdp;

namespace Analyzer.Tests.Decoding.Ssdp;

/// <summary>
/// Inputs for the SSDP parser theories: valid messages as a cross product (kind × header-name case × spacing around
/// the colon × line end), every prefix of them, and malformed datagrams one per line with the anomaly they must give.
/// </summary>
public static class SsdpParsingData
{
    public sealed record Sample(SsdpKind Kind, string StartLine, (string Name, string Value)[] Headers);

    public static readonly IReadOnlyDictionary<string, Sample> Samples = new Dictionary<string, Sample>
    {
        ["msearch-multicast"] = new(SsdpKind.MSearch, "M-SEARCH * HTTP/1.1",
        [
            ("HOST", "239.255.255.250:1900"), ("MAN", "\"ssdp:discover\""), ("MX", "2"), ("ST", "ssdp:all"),
            ("USER-AGENT", "Linux/5.10 UPnP/2.0 Probe/1.0"), ("CPFN.UPNP.ORG", "Living room"),
        ]),
        ["msearch-unicast-ipv6"] = new(SsdpKind.MSearch, "M-SEARCH * HTTP/1.1",
        [
            ("HOST", "[FF02::C]:1900"), ("MAN", "\"ssdp:discover\""), ("ST", "upnp:rootdevice"),
        ]),
        ["notify-alive"] = new(SsdpKind.Notify, "NOTIFY * HTTP/1.1",
        [
            ("HOST", "239.255.255.250:1900"), ("CACHE-CONTROL", "max-age=1800"),
            ("LOCATION", "http://192.168.1.1:5000/rootDesc.xml"), ("NT", "urn:schemas-upnp-org:device:InternetGatewayDevice:1"),
            ("NTS", "ssdp:alive"), ("SERVER", "OpenWRT/21.02 UPnP/1.1 MiniUPnPd/2.2.1"),
            ("USN", "uuid:2c3f0c5d-1a4e-4bcd-9f0a-0123456789ab::urn:schemas-upnp-org:device:InternetGatewayDevice:1"),
            ("BOOTID.UPNP.ORG", "17"), ("CONFIGID.UPNP.ORG", "1337"), ("SEARCHPORT.UPNP.ORG", "49152"),
        ]),
        ["notify-byebye-ipv6"] = new(SsdpKind.Notify, "NOTIFY * HTTP/1.1",
        [
            ("HOST", "[FF05::C]:1900"), ("NT", "upnp:rootdevice"), ("NTS", "ssdp:byebye"),
            ("USN", "uuid:2c3f0c5d-1a4e-4bcd-9f0a-0123456789ab::upnp:rootdevice"), ("BOOTID.UPNP.ORG", "17"),
            ("CONFIGID.UPNP.ORG", "1337"),
        ]),
        ["notify-update"] = new(SsdpKind.Notify, "NOTIFY * HTTP/1.1",
        [
            ("HOST", "239.255.255.250:1900"), ("LOCATION", "http://192.168.1.1:5000/rootDesc.xml"),
            ("NT", "upnp:rootdevice"), ("NTS", "ssdp:update"),
            ("USN", "uuid:2c3f0c5d-1a4e-4bcd-9f0a-0123456789ab::upnp:rootdevice"), ("BOOTID.UPNP.ORG", "17"),
            ("CONFIGID.UPNP.ORG", "1337"), ("NEXTBOOTID.UPNP.ORG", "18"), ("SEARCHPORT.UPNP.ORG", "49152"),
        ]),
        ["response"] = new(SsdpKind.Response, "HTTP/1.1 200 OK",
        [
            ("CACHE-CONTROL", "max-age=3600"), ("DATE", "Sat, 28 Sep 2019 16:14:28 GMT"), ("EXT", ""),
            ("LOCATION", "http://10.0.0.151:8060/dial/dd.xml"), ("SERVER", "Roku UPnP/1.0 Roku/9.1.0"),
            ("ST", "urn:dial-multiscreen-org:service:dial:1"),
            ("USN", "uuid:295c0004-6807-106d-80cf-d831342077fb::urn:dial-multiscreen-org:service:dial:1"),
        ]),
    };

    public static readonly IReadOnlyDictionary<string, Func<string, string>> NameCases = new Dictionary<string, Func<string, string>>
    {
        ["upper"] = name => name.ToUpperInvariant(),
        ["lower"] = name => name.ToLowerInvariant(),
        ["title"] = TitleCase,
    };

    /// <summary>What goes between a header name and its value; SSDP stacks omit or double the space.</summary>
    public static readonly string[] Separators = [": ", ":", " : ", ":\t", ":   "];

    public static readonly IReadOnlyDictionary<string, string> LineEnds = new Dictionary<string, string>
    {
        ["crlf"] = "\r\n",
        ["lf"] = "\n",
    };

    public static TheoryData<string, string, string, string> ValidMessages()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (string sample in Samples.Keys)
            foreach (string nameCase in NameCases.Keys)
                foreach (string separator in Separators)
                    foreach (string lineEnd in LineEnds.Keys)
                        data.Add(sample, nameCase, separator, lineEnd);
        return data;
    }

    /// <summary>Every proper prefix (length 0 to length − 1) of every sample, with both line ends.</summary>
    public static TheoryData<string, string, int> ValidMessagePrefixes()
    {
        var data = new TheoryData<string, string, int>();
        foreach (string sample in Samples.Keys)
            foreach (string lineEnd in LineEnds.Keys)
            {
                int length = Build(sample, "upper", ": ", lineEnd).Length;
                for (int prefix = 0; prefix < length; prefix++) data.Add(sample, lineEnd, prefix);
            }
        return data;
    }

    /// <summary>Datagrams on port 1900 (text as Latin-1 bytes) and the anomaly each must give, with no event.</summary>
    public static TheoryData<string, string> InvalidDatagrams() => new()
    {
        { "GET / HTTP/1.1\r\nHost: 192.168.1.1:1900\r\n\r\n", SsdpAnomalyIds.UnexpectedMethod },
        { "SUBSCRIBE * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n\r\n", SsdpAnomalyIds.UnexpectedMethod },
        { "m-search * HTTP/1.1\r\nST: ssdp:all\r\n\r\n", SsdpAnomalyIds.UnexpectedMethod },
        { "MSEARCH * HTTP/1.1\r\nST: ssdp:all\r\n\r\n", SsdpAnomalyIds.UnexpectedMethod },
        { "Notify * HTTP/1.1\r\nNTS: ssdp:alive\r\n\r\n", SsdpAnomalyIds.UnexpectedMethod },
        { "GET / HTTP/1.1\r\nHost: 192.168.1.1:1900\r\n", SsdpAnomalyIds.UnexpectedMethod },
        { "POST /ctl HTTP/1.1", SsdpAnomalyIds.UnexpectedMethod },
        { "M-SEARCH *\r\nST: ssdp:all\r\n\r\n", SsdpAnomalyIds.BadStartLine },
        { "M-SEARCH * FTP/1.0\r\n\r\n", SsdpAnomalyIds.BadStartLine },
        { " M-SEARCH * HTTP/1.1\r\n\r\n", SsdpAnomalyIds.BadStartLine },
        { "\r\nM-SEARCH * HTTP/1.1\r\n\r\n", SsdpAnomalyIds.BadStartLine },
        { "HTTP/1.1 OK\r\n\r\n", SsdpAnomalyIds.BadStartLine },
        { "HTTP/1.1 20 OK\r\n\r\n", SsdpAnomalyIds.BadStartLine },
        { "HTTP/1.1 2000 OK\r\n\r\n", SsdpAnomalyIds.BadStartLine },
        { "HTTP/1.1 099 Low\r\n\r\n", SsdpAnomalyIds.BadStartLine },
        { "hello world\r\n\r\n", SsdpAnomalyIds.BadStartLine },
        { "hello", SsdpAnomalyIds.BadStartLine },
        { "<?xml version=\"1.0\"?><Probe/>", SsdpAnomalyIds.BadStartLine },
        { "", SsdpAnomalyIds.NotHttp },
        { "\u0000\u0001\u0002\u0003", SsdpAnomalyIds.NotHttp },
        { "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003", SsdpAnomalyIds.NotHttp },
        { "\u00c3\u00a9t\u00e9 * HTTP/1.1\r\n\r\n", SsdpAnomalyIds.NotHttp },
        { "M-SEARCH\u0000* HTTP/1.1\r\n\r\n", SsdpAnomalyIds.NotHttp },
        { "M-SEARCH * HTTP/1.1", SsdpAnomalyIds.UnterminatedHead },
        { "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nST: ssdp:all\r\n", SsdpAnomalyIds.UnterminatedHead },
        { "NOTIFY * HTTP/1.1\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive", SsdpAnomalyIds.UnterminatedHead },
        { "HTTP/1.1 200 OK\r\nST: upnp:rootdevice\r\n\r", SsdpAnomalyIds.UnterminatedHead },
        { MiniupnpdExploit, SsdpAnomalyIds.UnterminatedHead },
        { "M-SEARCH * HTTP/1.1\r\nX-Pad: " + new string('A', 33_000) + "\r\n\r\n", SsdpAnomalyIds.HeadTooLong },
    };

    /// <summary>
    /// The CVE-2013-0229 proof of concept's shape (THREATS.md <c>ssdp-miniupnpd-msearch-oob</c>): an ST line padded
    /// with spaces and tabs to a 1,500-byte datagram, never terminated.
    /// </summary>
    public static string MiniupnpdExploit
    {
        get
        {
            var text = new StringBuilder("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nST:uuid:schemas:device:MX:3");
            while (text.Length < 1500) text.Append(text.Length % 2 == 0 ? ' ' : '\t');
            return text.ToString();
        }
    }

    public static string Build(string sample, string nameCase, string separator, string lineEnd)
    {
        var s = Samples[sample];
        var text = new StringBuilder(s.StartLine).Append(LineEnds[lineEnd]);
        foreach (var (name, value) in s.Headers)
            text.Append(NameCases[nameCase](name)).Append(separator).Append(value).Append(LineEnds[lineEnd]);
        return text.Append(LineEnds[lineEnd]).ToString();
    }

    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    private static string TitleCase(string name)
    {
        var chars = name.ToLowerInvariant().ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (i == 0 || chars[i - 1] is '-' or '.') chars[i] = char.ToUpperInvariant(chars[i]);
        return new string(chars);
    }
}
