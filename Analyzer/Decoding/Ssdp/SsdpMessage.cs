using System.Globalization;
using Analyzer.Events;

namespace Analyzer.Decoding.Ssdp;

/// <summary>
/// One SSDP datagram: an M-SEARCH, a NOTIFY (ssdp:alive, ssdp:byebye, ssdp:update) or a search response, with every
/// header in wire order. Typed properties return the first header of their name (any case); header values are cut
/// to <see cref="SsdpParser.MaxValueBytes"/> bytes and keep their real length in <see cref="SsdpHeader.RawLength"/>.
/// </summary>
public sealed record SsdpMessage(PacketInfo Packet) : AnalyzerEvent(Packet)
{
    private static readonly string[] KnownFieldNames =
    [
        "host", "st", "nt", "nts", "usn", "location", "server", "user_agent", "man", "mx", "cache_control",
        "bootid", "configid", "searchport",
    ];

    // The headers whose length is evidence of the overflows in THREATS.md (USN/ST/NT components, LOCATION, banners).
    private static readonly (SsdpHeaderId Id, string Field)[] LengthFields =
    [
        (SsdpHeaderId.St, "st_len"), (SsdpHeaderId.Nt, "nt_len"), (SsdpHeaderId.Usn, "usn_len"),
        (SsdpHeaderId.Location, "location_len"), (SsdpHeaderId.Server, "server_len"),
        (SsdpHeaderId.UserAgent, "user_agent_len"),
    ];

    /// <summary>Longest header-derived field name, <c>h_</c> included; longer names are cut.</summary>
    public const int MaxFieldNameChars = 64;

    public override string Protocol => ProtocolNames.Ssdp;

    public override string Message => Kind switch
    {
        SsdpKind.MSearch => "M-SEARCH",
        SsdpKind.Notify => "NOTIFY",
        _ => "RESPONSE",
    };

    public required SsdpKind Kind { get; init; }

    /// <summary>Request method (M-SEARCH or NOTIFY), null for a response.</summary>
    public string? Method { get; init; }

    /// <summary>Request target, <c>*</c> in every conforming request; empty for a response.</summary>
    public string Target { get; init; } = "";

    /// <summary>HTTP version of the start line, e.g. HTTP/1.1.</summary>
    public string Version { get; init; } = "";

    /// <summary>Status code of a response, 0 for a request.</summary>
    public int StatusCode { get; init; }

    /// <summary>Reason phrase of a response (may be empty), null for a request.</summary>
    public string? Reason { get; init; }

    /// <summary>Every stored header in wire order (at most <see cref="Http.HttpHead.MaxHeaders"/>).</summary>
    public required IReadOnlyList<SsdpHeader> Headers
    {
        get => _headers;
        init
        {
            _headers = value;
            _array = value as SsdpHeader[] ?? [.. value];
            _first = FirstHeaders.Of(_array);
        }
    }

    private readonly IReadOnlyList<SsdpHeader> _headers = [];
    private readonly SsdpHeader[] _array = [];
    private readonly FirstHeaders _first;

    /// <summary>Datagram length in bytes (UDP payload).</summary>
    public int Length { get; init; }

    /// <summary>Bytes of the head, start line through the empty line.</summary>
    public int HeadLength { get; init; }

    /// <summary>Bytes after the head; SSDP has no body, but some stacks append a NUL.</summary>
    public int BodyLength => Length - HeadLength;

    /// <summary>Header lines seen, including lines without a colon and lines beyond the stored cap.</summary>
    public int HeaderLines { get; init; }

    /// <summary>Length in bytes of the longest header line (name, colon and value).</summary>
    public int LongestHeaderLine { get; init; }

    /// <summary>MX parsed as whole seconds; null when absent or not a plain non-negative number.</summary>
    public int? MxSeconds { get; init; }

    /// <summary>The <c>max-age</c> directive of CACHE-CONTROL in seconds; null when absent or unparsable.</summary>
    public int? MaxAgeSeconds { get; init; }

    public string? Host => Find(SsdpHeaderId.Host)?.Value;
    public string? St => Find(SsdpHeaderId.St)?.Value;
    public string? Nt => Find(SsdpHeaderId.Nt)?.Value;
    public string? Nts => Find(SsdpHeaderId.Nts)?.Value;
    public string? Usn => Find(SsdpHeaderId.Usn)?.Value;
    public string? Location => Find(SsdpHeaderId.Location)?.Value;
    public string? Server => Find(SsdpHeaderId.Server)?.Value;
    public string? UserAgent => Find(SsdpHeaderId.UserAgent)?.Value;
    public string? Man => Find(SsdpHeaderId.Man)?.Value;
    /// <summary>MX as sent; see <see cref="MxSeconds"/> for the number.</summary>
    public string? Mx => Find(SsdpHeaderId.Mx)?.Value;
    public string? CacheControl => Find(SsdpHeaderId.CacheControl)?.Value;
    public string? BootId => Find(SsdpHeaderId.BootId)?.Value;
    public string? ConfigId => Find(SsdpHeaderId.ConfigId)?.Value;
    public string? SearchPort => Find(SsdpHeaderId.SearchPort)?.Value;

    /// <summary>The first header with this id, or null.</summary>
    public SsdpHeader? Find(SsdpHeaderId id)
    {
        // Looked up in the index made with the headers: the typed properties are read many times per message by
        // the rules, the model, the inventory and the event log.
        if (id >= SsdpHeaderId.Other) return FindOther(id);
        int at = _first.IndexOf(id, _array);
        return at < 0 ? null : _array[at];
    }

    private SsdpHeader? FindOther(SsdpHeaderId id)
    {
        foreach (var header in _array)
            if (header.Id == id) return header;
        return null;
    }

    /// <summary>
    /// In this order: <c>status</c> (responses) or <c>target</c> (requests whose target is not <c>*</c>); the typed
    /// headers present (host, st, nt, nts, usn, location, server, user_agent, man, mx, cache_control, bootid,
    /// configid, searchport); <c>length</c>, <c>headers</c>, <c>longest_header</c>; <c>body_len</c> when there are
    /// bytes after the head; <c>st_len</c>, <c>nt_len</c>, <c>usn_len</c>, <c>location_len</c>, <c>server_len</c>,
    /// <c>user_agent_len</c> for those present; then every other header as <c>h_&lt;name&gt;</c> (name lower-cased,
    /// characters outside [a-z0-9_-] as <c>_</c>). A name that repeats is given once, with its first value.
    /// </summary>
    public override IEnumerable<KeyValuePair<string, string>> Fields()
    {
        if (Kind == SsdpKind.Response) yield return Pair("status", Text(StatusCode));
        else if (Target != "*") yield return Pair("target", Target);

        for (var id = SsdpHeaderId.Host; id < SsdpHeaderId.Other; id++)
            if (Find(id) is { } known) yield return Pair(KnownFieldNames[(int)id], known.Value);

        yield return Pair("length", Text(Length));
        yield return Pair("headers", Text(HeaderLines));
        yield return Pair("longest_header", Text(LongestHeaderLine));
        if (BodyLength > 0) yield return Pair("body_len", Text(BodyLength));

        foreach (var (id, field) in LengthFields)
            if (Find(id) is { } measured) yield return Pair(field, Text(measured.RawLength));

        HashSet<string>? seen = null;
        foreach (var header in _array)
        {
            if (header.Id != SsdpHeaderId.Other) continue;
            string name = OtherFieldName(header.Name);
            if ((seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(name)) yield return Pair(name, header.Value);
        }
    }

    /// <summary><c>h_</c> and the header name lower-cased, characters outside [a-z0-9_-] as <c>_</c>, cut.</summary>
    public static string OtherFieldName(string headerName)
    {
        int length = Math.Min(headerName.Length, MaxFieldNameChars - 2);
        return string.Create(length + 2, headerName, static (span, name) =>
        {
            span[0] = 'h';
            span[1] = '_';
            for (int i = 2; i < span.Length; i++)
            {
                char c = char.ToLowerInvariant(name[i - 2]);
                span[i] = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' ? c : '_';
            }
        });
    }

    private static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
