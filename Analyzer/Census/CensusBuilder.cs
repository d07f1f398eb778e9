using Analyzer.Decoding;
using Analyzer.Output;
using Analyzer.Rules;
using Analyzer.Rules.Banners;

namespace Analyzer.Census;

/// <summary>
/// Computes the census of a network from the records of one run: classes from <see cref="DeviceClassifier"/>,
/// stacks from <see cref="StackFamily"/>, outdated versions against <see cref="CurrentReleases"/>, CVEs as the
/// inventory found them (<see cref="KnownVulnerabilities"/>), open mappings from the ledger
/// (<see cref="OpenMappingReplay"/>), and alerts and messages per host. LAN means the run's LAN prefixes.
/// </summary>
public static class CensusBuilder
{
    /// <summary>Hosts drawn in the timeline: the most active ones.</summary>
    public const int MaxTimelineHosts = 40;

    public static NetworkCensus Build(RunRecords run, NetworkContext network)
    {
        var devices = InventoryEntryMerge.ByAddress(run.Devices).Select(Device).OrderBy(d => d.Class).ThenBy(d => d.Ip, IpOrder.Instance).ToList();
        int total = devices.Count;
        var classes = Enum.GetValues<DeviceClass>()
            .Select(c => devices.Where(d => d.Class == c).ToList())
            .Select((list, i) => new ClassCount((DeviceClass)i, list.Count, total == 0 ? 0 : (double)list.Count / total,
                list.Count(d => d.Outdated), list.Count(d => d.Cves.Count > 0)))
            .ToList();
        var stacks = devices.GroupBy(d => (d.Stack, d.Version))
            .Select(g =>
            {
                var current = g.First().CurrentVersion;
                var release = CurrentReleases.Table.FirstOrDefault(r => r.Version.Text == current);
                return new StackCount(g.Key.Stack, g.Key.Version, g.Count(), g.Any(d => d.Outdated), current, release?.Released);
            })
            .OrderByDescending(s => s.Devices).ThenBy(s => s.Stack, StringComparer.Ordinal).ThenBy(s => s.Version, StringComparer.Ordinal)
            .ToList();

        var hosts = new HashSet<string>(StringComparer.Ordinal);
        void Host(string ip)
        {
            if (NetAddress.TryParse(ip, out var a) && network.IsLan(a)) hosts.Add(ip);
        }
        foreach (var ip in run.FlowHosts) Host(ip);
        foreach (var d in run.Devices) Host(d.Ip);
        foreach (var a in run.Alerts) { Host(a.SrcIp); Host(a.DstIp); }
        foreach (var m in run.Messages) { Host(m.SrcIp); Host(m.DstIp); }

        var timelines = new Dictionary<string, HostTimeline>(StringComparer.Ordinal);
        HostTimeline? Timeline(string ip)
        {
            if (!hosts.Contains(ip)) return null;
            if (!timelines.TryGetValue(ip, out var t)) timelines[ip] = t = new HostTimeline(ip);
            return t;
        }
        long start = long.MaxValue, end = long.MinValue;
        foreach (var m in run.Messages)
        {
            Timeline(m.SrcIp)?.AddMessage(m.TimeUs);
            if (m.DstIp != m.SrcIp) Timeline(m.DstIp)?.AddMessage(m.TimeUs);
            start = Math.Min(start, m.TimeUs);
            end = Math.Max(end, m.TimeUs);
        }
        foreach (var a in run.Alerts)
        {
            Timeline(a.SrcIp)?.AddAlert(a.TimeUs);
            if (a.DstIp != a.SrcIp) Timeline(a.DstIp)?.AddAlert(a.TimeUs);
            start = Math.Min(start, a.TimeUs);
            end = Math.Max(end, a.TimeUs);
        }
        var timeline = timelines.Values
            .OrderByDescending(t => t.Alerts + t.Messages).ThenBy(t => t.Host, IpOrder.Instance)
            .Take(MaxTimelineHosts)
            .OrderBy(t => t.FirstUs).ThenBy(t => t.Host, IpOrder.Instance)
            .ToList();

        var alerts = run.Alerts.GroupBy(a => a.Category)
            .Select(g => new AlertCount(g.Key, g.Count(),
                g.GroupBy(a => a.Severity).ToDictionary(s => s.Key, s => s.Count(), StringComparer.Ordinal)))
            .OrderByDescending(a => a.Total).ThenBy(a => a.Category, StringComparer.Ordinal)
            .ToList();

        return new NetworkCensus(hosts.Count, total, classes, stacks, devices, OpenMappingReplay.Replay(run.Mappings, network),
            alerts, timeline, start == long.MaxValue ? 0 : start, end == long.MinValue ? 0 : end);
    }

    private static CensusDevice Device(InventoryEntry d)
    {
        var deviceClass = DeviceClassifier.Classify(d);
        StackVersion.TryParse(d.StackVersion, out var version);
        var current = CurrentReleases.For(d.Stack, version);
        bool outdated = CurrentReleases.IsOutdated(d.Stack, version) || d.Cves.Count > 0;
        var name = new[] { d.FriendlyName, d.Manufacturer, d.Model }.FirstOrDefault(s => s.Length > 0) ?? "";
        return new CensusDevice(d.Ip, deviceClass, name, StackFamily.Of(d, deviceClass), d.StackVersion, outdated,
            current?.Version.Text, d.Cves, d.Advisories);
    }
}
