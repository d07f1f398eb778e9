namespace Analyzer.Banners;

/// <summary>
/// The vulnerable UPnP stack versions of THREATS.md section 2, as numeric version ranges (the regexes there are
/// pre-filters; these are the thresholds they stand for).
/// </summary>
public static class KnownVulnerabilities
{
    private static StackVersion V(string text) => StackVersion.Parse(text);

    private static readonly string[] LibupnpUniqueServiceName =
        ["CVE-2012-5958", "CVE-2012-5959", "CVE-2012-5960", "CVE-2012-5961", "CVE-2012-5962", "CVE-2012-5963", "CVE-2012-5964", "CVE-2012-5965"];

    public static readonly IReadOnlyList<VulnerabilityEntry> Entries =
    [
        new(KnownStacks.MiniUpnpd, V("1.0"), V("1.1"), false, ["CVE-2013-1461", "CVE-2013-1462"], null,
            "SOAPAction without '#' or quote: NULL dereference and bad memcpy"),
        new(KnownStacks.MiniUpnpd, null, V("1.4"), false, ["CVE-2013-0229", "CVE-2013-0230"], null,
            "ProcessSSDPRequest out-of-bounds read; ExecuteSoapAction stack overflow"),
        new(KnownStacks.MiniUpnpd, null, V("1.8"), false, [], "miniupnpd-no-wan-filter",
            "answers SSDP and HTTP from the WAN (filtering added in 1.8)"),
        new(KnownStacks.MiniUpnpd, null, V("1.8.20141022"), false, [], "R7-2014-17",
            "answers NAT-PMP from the WAN"),
        new(KnownStacks.MiniUpnpd, null, V("1.9.20141209"), false, [], "miniupnpd-20141209",
            "ParseHttpHeaders Content-Length overrun, GetListOfPortMappings memory corruption (no CVE)"),
        new(KnownStacks.MiniUpnpd, null, V("2.1.20190101"), false,
            ["CVE-2019-12107", "CVE-2019-12108", "CVE-2019-12109", "CVE-2019-12110", "CVE-2019-12111"], null,
            "event leak, missing-argument NULL dereferences, PCP NULL dereference"),
        new(KnownStacks.MiniUpnpd, null, V("2.3.10"), false, ["CVE-2026-5720"], null,
            "SOAPAction single-quote length underflow"),
        new(KnownStacks.MiniSsdpd, V("1.4"), V("1.6"), false, ["CVE-2019-12106"], null, "use-after-free in updateDevice"),
        new(KnownStacks.MiniUpnpc, V("1.4"), V("2.0.20170509"), false, ["CVE-2017-8798"], null,
            "negative chunk size in getHTTPResponse"),
        new(KnownStacks.MiniUpnpc, null, V("1.9.20150917"), false, ["CVE-2015-6031"], null,
            "XML element name overflow in IGDstartelt"),
        new(KnownStacks.Libupnp, null, V("1.6.18"), true, LibupnpUniqueServiceName, null,
            "unique_service_name stack overflows"),
        // ET and Metasploit also list 1.8.0, an early pre-release branch.
        new(KnownStacks.Libupnp, V("1.8.0"), V("1.8.1"), false, LibupnpUniqueServiceName, null,
            "unique_service_name stack overflows"),
        new(KnownStacks.Libupnp, null, V("1.6.21"), false, ["CVE-2016-6255", "CVE-2016-8863"], null,
            "file write through POST; create_url_list out-of-bounds with a bad callback"),
        new(KnownStacks.Libupnp, null, V("1.12.2"), false, ["CVE-2020-13848"], null, "malformed SUBSCRIBE NULL dereference"),
        new(KnownStacks.Libupnp, null, V("1.14.0"), false, ["CVE-2020-12695"], null, "CallStranger: callbacks anywhere"),
        new(KnownStacks.Libupnp, null, V("1.14.5"), false, ["CVE-2021-28302"], null, "recursive ixmlNode_free stack exhaustion"),
        new(KnownStacks.IntelSdk, null, null, true, LibupnpUniqueServiceName, null, "unique_service_name stack overflows"),
        new(KnownStacks.HuaweiAtpIgd, null, null, true, ["CVE-2017-17215"], null,
            "DeviceUpgrade command injection (likely: no vendor fix known)"),
        new(KnownStacks.RealtekMiniigd, null, null, true, ["CVE-2014-8361", "CVE-2021-35393"], null,
            "NewInternalClient command injection; SUBSCRIBE callback overflow"),
    ];

    /// <summary>The CVEs (sorted) and advisories (in table order) the banner's stack version is known to carry.</summary>
    public static (IReadOnlyList<string> Cves, IReadOnlyList<string> Advisories) For(StackBanner? banner)
    {
        if (banner is null || !banner.IsKnown) return ([], []);
        var cves = new SortedSet<string>(StringComparer.Ordinal);
        var advisories = new List<string>();
        foreach (var e in Entries)
        {
            if (!e.Affects(banner)) continue;
            cves.UnionWith(e.Cves);
            if (e.Advisory is not null) advisories.Add(e.Advisory);
        }
        return ([.. cves], advisories);
    }
}
