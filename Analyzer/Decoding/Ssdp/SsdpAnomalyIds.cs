namespace Analyzer.Decoding.Ssdp;

/// <summary>Stable ids of the <see cref="DecodeAnomaly"/> records of the SSDP decoder; rules match on these.</summary>
public static class SsdpAnomalyIds
{
    /// <summary>Text on port 1900 whose first line is neither an HTTP request line nor a status line.</summary>
    public const string BadStartLine = "ssdp.bad_start_line";

    /// <summary>
    /// An SSDP-looking datagram whose header block is not closed by an empty line. The detail starts with
    /// <c>length=N</c> (datagram bytes): an M-SEARCH of 1,492 bytes or more shaped like this is the miniupnpd
    /// CVE-2013-0229 exploit.
    /// </summary>
    public const string UnterminatedHead = "ssdp.unterminated_head";

    /// <summary>A header block larger than <see cref="Http.HttpHead.MaxHeadBytes"/>.</summary>
    public const string HeadTooLong = "ssdp.head_too_long";

    /// <summary>A request on port 1900 whose method is not M-SEARCH or NOTIFY (GET, SUBSCRIBE, m-search).</summary>
    public const string UnexpectedMethod = "ssdp.unexpected_method";

    /// <summary>A datagram on port 1900 that is binary or empty, not HTTP text.</summary>
    public const string NotHttp = "ssdp.not_http";
}
