namespace Analyzer.Decoding.Soap;

/// <summary>
/// A UPnP service type, <c>urn:&lt;domain&gt;:service:&lt;type&gt;:&lt;version&gt;</c> (UDA 2.0 §2.3), e.g.
/// <c>urn:schemas-upnp-org:service:WANIPConnection:2</c>. Vendor domains (urn:Belkin-com, urn:dslforum-org, …) are
/// UPnP too; HNAP (<c>http://purenetworks.com/HNAP1/</c>) and other web services are not.
/// </summary>
public readonly record struct UpnpServiceType(string Domain, string Type, int Version)
{
    public const string StandardDomain = "schemas-upnp-org";

    public bool IsStandard => string.Equals(Domain, StandardDomain, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string? text, out UpnpServiceType serviceType)
    {
        serviceType = default;
        if (text is null || !text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)) return false;
        var rest = text.AsSpan(4);
        int marker = rest.IndexOf(":service:", StringComparison.OrdinalIgnoreCase);
        if (marker <= 0) return false;
        var domain = rest[..marker];
        var typeAndVersion = rest[(marker + ":service:".Length)..];
        int colon = typeAndVersion.LastIndexOf(':');
        var type = colon < 0 ? typeAndVersion : typeAndVersion[..colon];
        if (type.IsEmpty) return false;
        int version = 0;
        if (colon >= 0 && !int.TryParse(typeAndVersion[(colon + 1)..], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out version)) return false;
        serviceType = new UpnpServiceType(domain.ToString(), type.ToString(), version);
        return true;
    }

    public static bool IsServiceType(string? text) => TryParse(text, out _);
}
