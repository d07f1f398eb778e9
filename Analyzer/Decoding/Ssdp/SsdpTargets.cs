using System.Text;

namespace Analyzer.Decoding.Ssdp;

/// <summary>What search targets and USNs look like (UPnP Device Architecture 2.0 §1.3.2), read from header text.</summary>
public static class SsdpTargets
{
    public const string All = "ssdp:all";
    public const string RootDevice = "upnp:rootdevice";
    public const string DialService = "urn:dial-multiscreen-org:service:dial:1";
    public const string IgdDevicePrefix = "urn:schemas-upnp-org:device:InternetGatewayDevice:";

    /// <summary>A search that every device answers, possibly many times: the amplification targets.</summary>
    public static bool IsBroad(string? st) =>
        st is not null && (Is(st, All) || Is(st, RootDevice));

    /// <summary>
    /// <c>ssdp:all</c>, <c>upnp:rootdevice</c>, <c>uuid:…</c>, or <c>urn:domain:device|service:type:version</c>;
    /// anything else (vendor targets such as <c>roku:ecp</c>, random canaries) is "odd".
    /// </summary>
    public static bool IsStandard(string? st)
    {
        if (string.IsNullOrEmpty(st)) return false;
        var s = st.Trim();
        if (Is(s, All) || Is(s, RootDevice)) return true;
        if (s.StartsWith("uuid:", StringComparison.OrdinalIgnoreCase)) return s.Length > 5;
        var parts = s.Split(':');
        return parts.Length == 5 && parts[0].Equals("urn", StringComparison.OrdinalIgnoreCase)
            && parts[1].Length > 0 && parts[3].Length > 0 && parts[4].Length > 0
            && (parts[2].Equals("device", StringComparison.OrdinalIgnoreCase) || parts[2].Equals("service", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The device UUID of a USN (<c>uuid:X</c> or <c>uuid:X::…</c>), lower-cased; null when it has none.</summary>
    public static string? Uuid(string? usn)
    {
        if (usn is null || !usn.StartsWith("uuid:", StringComparison.OrdinalIgnoreCase)) return null;
        int end = usn.IndexOf("::", 5, StringComparison.Ordinal);
        var uuid = (end < 0 ? usn.AsSpan(5) : usn.AsSpan(5, end - 5)).Trim();
        if (uuid.IsEmpty) return null;
        // Read for every advertisement by the rules, the network learner and the inventory: one string, not three.
        if (!uuid.ContainsAnyInRange('A', 'Z') && Ascii.IsValid(uuid)) return new string(uuid);
        return uuid.ToString().ToLowerInvariant();
    }

    public static bool Is(string? value, string target) =>
        value is not null && value.Trim().Equals(target, StringComparison.OrdinalIgnoreCase);
}
