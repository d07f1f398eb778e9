namespace Analyzer.Decoding.Soap;

/// <summary>
/// The SOAPAction header of a UPnP control request (UDA 2.0 §3.2.1): <c>"&lt;service type&gt;#&lt;action&gt;"</c>,
/// quoted by the spec but often not. <see cref="Issue"/> names a degenerate value, the kind that crashed miniupnpd
/// (CVE-2013-0230, -1461, -1462, CVE-2026-5720): empty, a lone quote, an unbalanced quote, no <c>#</c>.
/// </summary>
public readonly record struct SoapActionHeader(string Raw, string ServiceType, string Action, bool Quoted, string? Issue)
{
    /// <summary>The issue a request without any SOAPAction header is reported with (the Huawei HG532 worms send none).</summary>
    public const string MissingIssue = "missing";

    /// <summary>The service type is a UPnP one and an action follows the <c>#</c>.</summary>
    public bool IsUpnp => Action.Length > 0 && UpnpServiceType.IsServiceType(ServiceType);

    public static SoapActionHeader Parse(string raw)
    {
        var value = raw.AsSpan().Trim(" \t");
        if (value.IsEmpty) return new SoapActionHeader(raw, "", "", false, "empty");
        if (value is "\"" or "'") return new SoapActionHeader(raw, "", "", false, "lone_quote");

        bool quoted = false;
        string? issue = null;
        char first = value[0];
        if (first is '"' or '\'')
        {
            if (value.Length >= 2 && value[^1] == first)
            {
                quoted = true;
                value = value[1..^1];
            }
            else
            {
                issue = "unbalanced_quote";
                value = value[1..];
            }
        }
        else if (value[^1] is '"' or '\'')
        {
            issue = "unbalanced_quote";
            value = value[..^1];
        }

        int hash = value.IndexOf('#');
        if (hash < 0) return new SoapActionHeader(raw, value.ToString(), "", quoted, issue ?? "no_hash");
        return new SoapActionHeader(raw, value[..hash].ToString(), value[(hash + 1)..].ToString(), quoted, issue);
    }
}
