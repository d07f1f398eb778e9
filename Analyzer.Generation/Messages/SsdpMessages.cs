using System.Globalization;

namespace Analyzer.Generation.Messages;

/// <summary>
/// SSDP (HTTPU over UDP 1900, UPnP Device Architecture 1.1 §1) messages as real stacks write them: upper-case header
/// names, <c>EXT:</c> with no value, <c>MAN</c> with the quoted "ssdp:discover".
/// </summary>
public static class SsdpMessages
{
    public const ushort Port = 1900;
    public const string Ipv4Host = "239.255.255.250:1900";
    public const string Ipv6Host = "[FF02::C]:1900";
    public const string All = "ssdp:all";
    public const string RootDevice = "upnp:rootdevice";

    public static string Host(bool ipv6) => ipv6 ? Ipv6Host : Ipv4Host;

    /// <param name="host">The HOST value: the multicast group, or the unicast address for a unicast search.</param>
    public static byte[] MSearch(HttpStyle style, string host, string st, int mx, string? userAgent = null)
    {
        var headers = new List<(string, string)> { ("HOST", host), ("MAN", "\"ssdp:discover\"") };
        headers.Add(("MX", mx.ToString(CultureInfo.InvariantCulture)));
        headers.Add(("ST", st));
        if (userAgent is not null) headers.Add(("USER-AGENT", userAgent));
        return HttpText.Request(style, "M-SEARCH", "*", headers);
    }

    /// <summary>A unicast answer to an M-SEARCH (UDA 1.1 §1.3.3), in miniupnpd/libupnp header order.</summary>
    public static byte[] SearchResponse(string st, string usn, string location, string server, long timestampUs,
        int maxAge = 1800, int bootId = 1, int configId = 1337)
    {
        string boot = bootId.ToString(CultureInfo.InvariantCulture);
        return HttpText.Response(HttpStyle.Standard, 200, "OK",
        [
            ("CACHE-CONTROL", "max-age=" + maxAge.ToString(CultureInfo.InvariantCulture)),
            ("DATE", HttpText.Date(timestampUs)),
            ("ST", st),
            ("USN", usn),
            ("EXT", ""),
            ("SERVER", server),
            ("LOCATION", location),
            ("OPT", "\"http://schemas.upnp.org/upnp/1/0/\"; ns=01"),
            ("01-NLS", boot),
            ("BOOTID.UPNP.ORG", boot),
            ("CONFIGID.UPNP.ORG", configId.ToString(CultureInfo.InvariantCulture)),
        ]);
    }

    /// <summary>A NOTIFY advertisement (UDA 1.1 §1.2): <c>ssdp:alive</c> with location and server, or <c>ssdp:byebye</c>.</summary>
    public static byte[] Notify(bool ipv6, string nt, string usn, string location, string server, bool alive = true,
        int maxAge = 1800, int bootId = 1, int configId = 1337)
    {
        var headers = new List<(string, string)> { ("HOST", Host(ipv6)) };
        if (alive)
        {
            headers.Add(("CACHE-CONTROL", "max-age=" + maxAge.ToString(CultureInfo.InvariantCulture)));
            headers.Add(("LOCATION", location));
            headers.Add(("SERVER", server));
        }
        headers.Add(("NT", nt));
        headers.Add(("USN", usn));
        headers.Add(("NTS", alive ? "ssdp:alive" : "ssdp:byebye"));
        headers.Add(("OPT", "\"http://schemas.upnp.org/upnp/1/0/\"; ns=01"));
        headers.Add(("01-NLS", bootId.ToString(CultureInfo.InvariantCulture)));
        headers.Add(("BOOTID.UPNP.ORG", bootId.ToString(CultureInfo.InvariantCulture)));
        headers.Add(("CONFIGID.UPNP.ORG", configId.ToString(CultureInfo.InvariantCulture)));
        return HttpText.Request(HttpStyle.Standard, "NOTIFY", "*", headers);
    }

    /// <summary>The USN that goes with a search target or notification type for a device (UDA 1.1 Table 1-1).</summary>
    public static string Usn(string udn, string nt) => nt == udn ? udn : $"{udn}::{nt}";
}
