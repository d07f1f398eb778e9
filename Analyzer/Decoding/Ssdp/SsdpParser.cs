using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Ssdp;

/// <summary>
/// Decodes one SSDP datagram (HTTP over UDP, UPnP Device Architecture 2.0 §1) into an <see cref="SsdpMessage"/>.
/// </summary>
/// <remarks>
/// <code>
///   M-SEARCH * HTTP/1.1          NOTIFY * HTTP/1.1            HTTP/1.1 200 OK
///   HOST: 239.255.255.250:1900   HOST: 239.255.255.250:1900   CACHE-CONTROL: max-age=1800
///   MAN: "ssdp:discover"         CACHE-CONTROL: max-age=1800  LOCATION: http://10.0.0.1:80/desc.xml
///   MX: 3                        LOCATION: http://…/desc.xml  SERVER: OS/1 UPnP/1.0 product/1
///   ST: ssdp:all                 NT: upnp:rootdevice          ST: upnp:rootdevice
///   USER-AGENT: OS/1 UPnP/2.0 …  NTS: ssdp:alive              USN: uuid:…::upnp:rootdevice
///   (empty line)                 USN: uuid:…::upnp:rootdevice (empty line)
///                                (empty line)
/// </code>
/// One datagram is one message, and its head must end with an empty line. In the conformance captures (694
/// datagrams on port 1900 and 33 search replies from other ports, sent by Windows, iOS, Android, Chrome, Roku,
/// Chromecast, miniupnpd, WeMo, D-Link and other stacks) every head does; the only extra is a NUL byte after the
/// empty line from iOS (kept as <see cref="SsdpMessage.BodyLength"/>). Wireshark would still count a request that
/// stops after a header line, but no real stack sends one, while the miniupnpd exploit (CVE-2013-0229) is exactly an
/// M-SEARCH whose last line never ends. So an unterminated head is <see cref="ParseStatus.Incomplete"/> here and the
/// analyzer reports it with <see cref="DescribeUnterminated"/>, never as a message.
/// Header names match in any case and HttpHead tolerates LF line ends and missing or extra spaces around the colon.
/// Methods are case-sensitive, as in HTTP: <c>m-search</c> is not an M-SEARCH.
/// </remarks>
public static class SsdpParser
{
    /// <summary>Header values are cut to this many bytes before they become text; the real length is kept.</summary>
    public const int MaxValueBytes = 1024;

    /// <summary>Header names are cut to this many bytes.</summary>
    public const int MaxNameBytes = 128;

    /// <summary>Bytes inspected to tell binary from text.</summary>
    private const int TextProbeBytes = 64;

    private const int MaxSecondsDigits = 9;

    /// <summary>Bytes of a binary datagram shown (escaped) in its anomaly.</summary>
    private const int BinaryDetailBytes = 16;

    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';
    private const byte HT = (byte)'\t';

    private static ReadOnlySpan<byte> MSearch => "M-SEARCH"u8;
    private static ReadOnlySpan<byte> Notify => "NOTIFY"u8;
    private static ReadOnlySpan<byte> HttpPrefix => "HTTP/"u8;
    private static ReadOnlySpan<byte> MSearchStart => "M-SEARCH "u8;
    private static ReadOnlySpan<byte> NotifyStart => "NOTIFY "u8;

    // In SsdpHeaderId order.
    private static readonly byte[][] KnownNames =
    [
        "HOST"u8.ToArray(), "ST"u8.ToArray(), "NT"u8.ToArray(), "NTS"u8.ToArray(), "USN"u8.ToArray(),
        "LOCATION"u8.ToArray(), "SERVER"u8.ToArray(), "USER-AGENT"u8.ToArray(), "MAN"u8.ToArray(), "MX"u8.ToArray(),
        "CACHE-CONTROL"u8.ToArray(), "BOOTID.UPNP.ORG"u8.ToArray(), "CONFIGID.UPNP.ORG"u8.ToArray(),
        "SEARCHPORT.UPNP.ORG"u8.ToArray(),
    ];

    /// <summary>
    /// Parses <paramref name="datagram"/> with <paramref name="head"/> (reused between calls). Returns
    /// <see cref="ParseStatus.Ok"/> with <paramref name="message"/>; <see cref="ParseStatus.Invalid"/> with
    /// <paramref name="anomaly"/> for binary data, a start line that is not HTTP, a head over the cap, or a request
    /// method other than M-SEARCH and NOTIFY; <see cref="ParseStatus.Incomplete"/> when the head is not closed by an
    /// empty line (a datagram is final: see <see cref="DescribeUnterminated"/>). Never throws on any input.
    /// </summary>
    public static ParseStatus Parse(in PacketInfo packet, ReadOnlySpan<byte> datagram, HttpHead head,
        out SsdpMessage? message, out DecodeAnomaly? anomaly)
    {
        message = null;
        anomaly = null;
        var status = head.Parse(datagram);
        if (status == ParseStatus.Incomplete) return ParseStatus.Incomplete;
        if (status == ParseStatus.Invalid)
        {
            anomaly = head.AnomalyId == HttpAnomalyIds.HeadTooLong
                ? new DecodeAnomaly(packet, SsdpAnomalyIds.HeadTooLong, $"length={datagram.Length}")
                : RejectStartLine(packet, datagram);
            return ParseStatus.Invalid;
        }

        SsdpKind kind;
        if (head.Kind == HttpStartLine.Response) kind = SsdpKind.Response;
        else
        {
            var method = datagram[head.Method];
            if (method.SequenceEqual(MSearch)) kind = SsdpKind.MSearch;
            else if (method.SequenceEqual(Notify)) kind = SsdpKind.Notify;
            else
            {
                anomaly = new DecodeAnomaly(packet, SsdpAnomalyIds.UnexpectedMethod, FirstLineText(datagram));
                return ParseStatus.Invalid;
            }
        }

        message = Build(packet, datagram, head, kind);
        return ParseStatus.Ok;
    }

    /// <summary>
    /// The anomaly for a datagram that <see cref="Parse"/> found <see cref="ParseStatus.Incomplete"/>:
    /// <see cref="SsdpAnomalyIds.UnterminatedHead"/> when it starts like SSDP (M-SEARCH, NOTIFY or a status line,
    /// or a prefix of one), with <c>length=N</c> first in the detail; otherwise the id that says what it is instead.
    /// </summary>
    public static DecodeAnomaly DescribeUnterminated(in PacketInfo packet, ReadOnlySpan<byte> datagram)
    {
        if (StartsLikeSsdp(datagram))
        {
            bool endsWithNewline = datagram[^1] == LF;
            string startLine = FirstLineText(datagram);
            string detail = string.Create(CultureInfo.InvariantCulture,
                $"length={datagram.Length} ends_with_newline={(endsWithNewline ? "yes" : "no")} {startLine}");
            return new UnterminatedSsdpHead(packet, detail, datagram.Length, endsWithNewline, startLine);
        }
        if (LooksBinary(datagram)) return NotHttp(packet, datagram);
        // Text whose first line is a request line of another method, or no start line at all.
        string id = StartsWithRequestLine(datagram) ? SsdpAnomalyIds.UnexpectedMethod : SsdpAnomalyIds.BadStartLine;
        return new DecodeAnomaly(packet, id, FirstLineText(datagram));
    }

    private static SsdpMessage Build(in PacketInfo packet, ReadOnlySpan<byte> datagram, HttpHead head, SsdpKind kind)
    {
        var headers = new SsdpHeader[head.HeaderCount];
        int? mx = null, maxAge = null;
        bool mxSeen = false, cacheControlSeen = false;
        for (int i = 0; i < headers.Length; i++)
        {
            var name = datagram[head.NameAt(i)];
            var value = datagram[head.ValueAt(i)];
            var id = Identify(name);
            headers[i] = new SsdpHeader(NameText(name, id), ValueText(value, id), value.Length, id);
            // Typed values come from the first header of a name, as the typed properties do.
            if (id == SsdpHeaderId.Mx && !mxSeen)
            {
                mxSeen = true;
                mx = ParseSeconds(value);
            }
            else if (id == SsdpHeaderId.CacheControl && !cacheControlSeen)
            {
                cacheControlSeen = true;
                maxAge = ParseMaxAge(value);
            }
        }

        bool isResponse = kind == SsdpKind.Response;
        return new SsdpMessage(packet)
        {
            Kind = kind,
            Method = isResponse ? null : kind == SsdpKind.MSearch ? "M-SEARCH" : "NOTIFY",
            Target = isResponse ? "" : Text(datagram[head.Target], MaxValueBytes),
            Version = Text(datagram[head.Version], MaxNameBytes),
            StatusCode = isResponse ? head.StatusCode : 0,
            Reason = isResponse ? Text(datagram[head.Reason], MaxValueBytes) : null,
            Headers = headers,
            Length = datagram.Length,
            HeadLength = head.HeadLength,
            HeaderLines = head.HeaderLinesSeen,
            LongestHeaderLine = head.LongestHeaderLine,
            MxSeconds = mx,
            MaxAgeSeconds = maxAge,
        };
    }

    // The spellings of the known names that stacks send (upper case, as UDA writes them, and capitalized words), as
    // text made once: a message of eight headers then allocates eight strings for its values, not sixteen.
    private static readonly string[][] KnownSpellings =
    [
        .. KnownNames.Select(upper =>
        {
            string text = Encoding.ASCII.GetString(upper);
            var words = text.ToLowerInvariant().Split('-', '.');
            string capitalized = string.Join("-", words.Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
            return text.Contains('.') ? new[] { text } : new[] { text, capitalized };
        }),
    ];

    private static string NameText(ReadOnlySpan<byte> name, SsdpHeaderId id)
    {
        if (id != SsdpHeaderId.Other)
            foreach (var spelling in KnownSpellings[(int)id])
                if (Ascii.Equals(name, spelling)) return spelling;
        return Text(name, MaxNameBytes);
    }

    // The last value of each known header, per thread: a device repeats its HOST, NT, USN, LOCATION and SERVER in
    // every advertisement, and every searcher the same HOST and MAN. An equal ASCII value reuses the string, so a
    // message allocates fewer strings and its readers (the URL and banner memos, string-keyed tables) meet the same
    // object again.
    [ThreadStatic] private static string?[]? t_lastValues;

    private static string ValueText(ReadOnlySpan<byte> value, SsdpHeaderId id)
    {
        if (id == SsdpHeaderId.Other) return Text(value, MaxValueBytes);
        var cut = value.Length > MaxValueBytes ? value[..MaxValueBytes] : value;
        var last = t_lastValues ??= new string?[(int)SsdpHeaderId.Other];
        if (last[(int)id] is { } previous && previous.Length == cut.Length && Ascii.Equals(cut, previous)) return previous;
        string text = Text(value, MaxValueBytes);
        last[(int)id] = text;
        return text;
    }

    private static SsdpHeaderId Identify(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < KnownNames.Length; i++)
            if (Ascii.EqualsIgnoreCase(name, KnownNames[i])) return (SsdpHeaderId)i;
        return SsdpHeaderId.Other;
    }

    private static string Text(ReadOnlySpan<byte> bytes, int maxBytes) =>
        bytes.IsEmpty ? "" : Encoding.UTF8.GetString(bytes.Length > maxBytes ? bytes[..maxBytes] : bytes);

    /// <summary>A plain decimal number (no sign) that fits an int, else null.</summary>
    private static int? ParseSeconds(ReadOnlySpan<byte> digits)
    {
        if (digits.IsEmpty || digits.Length > MaxSecondsDigits) return null;
        if (digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0) return null;
        return Utf8Parser.TryParse(digits, out int value, out _) ? value : null;
    }

    /// <summary>The number after <c>max-age=</c> (any case, spaces allowed around '='), else null.</summary>
    private static int? ParseMaxAge(ReadOnlySpan<byte> value)
    {
        var directive = "max-age"u8;
        for (int i = 0; i + directive.Length <= value.Length; i++)
        {
            if (!Ascii.EqualsIgnoreCase(value.Slice(i, directive.Length), directive)) continue;
            var rest = value[(i + directive.Length)..].TrimStart(" \t"u8);
            if (rest.IsEmpty || rest[0] != (byte)'=') return null;
            rest = rest[1..].TrimStart(" \t"u8);
            int end = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
            return ParseSeconds(end < 0 ? rest : rest[..end]);
        }
        return null;
    }

    private static DecodeAnomaly RejectStartLine(in PacketInfo packet, ReadOnlySpan<byte> datagram) =>
        LooksBinary(datagram)
            ? NotHttp(packet, datagram)
            : new DecodeAnomaly(packet, SsdpAnomalyIds.BadStartLine, FirstLineText(datagram));

    private static DecodeAnomaly NotHttp(in PacketInfo packet, ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty) return new DecodeAnomaly(packet, SsdpAnomalyIds.NotHttp, "empty datagram");
        string start = AnomalyText.Escape(datagram[..Math.Min(datagram.Length, BinaryDetailBytes)]);
        return new DecodeAnomaly(packet, SsdpAnomalyIds.NotHttp,
            string.Create(CultureInfo.InvariantCulture, $"length={datagram.Length} {start}"));
    }

    private static bool StartsLikeSsdp(ReadOnlySpan<byte> datagram) =>
        IsPrefixOrStart(datagram, MSearchStart) || IsPrefixOrStart(datagram, NotifyStart)
        || IsPrefixOrStart(datagram, HttpPrefix);

    private static bool IsPrefixOrStart(ReadOnlySpan<byte> datagram, ReadOnlySpan<byte> start) =>
        !datagram.IsEmpty && (datagram.StartsWith(start) || start.StartsWith(datagram));

    /// <summary><c>method SP target SP HTTP/…</c>, the shape of a request line whatever the method.</summary>
    private static bool StartsWithRequestLine(ReadOnlySpan<byte> datagram)
    {
        var line = FirstLine(datagram).TrimEnd(CR);
        int first = line.IndexOf((byte)' ');
        int last = line.LastIndexOf((byte)' ');
        return first > 0 && last > first && line[(last + 1)..].StartsWith(HttpPrefix);
    }

    /// <summary>Empty, or a control byte other than TAB/CR/LF, or a byte above 0x7E, in the first bytes.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty) return true;
        foreach (byte b in datagram[..Math.Min(datagram.Length, TextProbeBytes)])
            if ((b < 0x20 && b != HT && b != CR && b != LF) || b > 0x7E) return true;
        return false;
    }

    private static string FirstLineText(ReadOnlySpan<byte> datagram) => AnomalyText.Escape(FirstLine(datagram));

    private static ReadOnlySpan<byte> FirstLine(ReadOnlySpan<byte> datagram)
    {
        int lf = datagram.IndexOf(LF);
        return lf < 0 ? datagram : datagram[..lf];
    }
}
