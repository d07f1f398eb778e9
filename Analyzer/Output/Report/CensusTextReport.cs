using Analyzer.Census;
using static Analyzer.Output.Report.ReportText;

namespace Analyzer.Output.Report;

/// <summary>The census as a few aligned tables for a terminal (what <c>analyzer report</c> prints).</summary>
public static class CensusTextReport
{
    /// <summary>Severities in the order the tables show them, as the alert file writes them.</summary>
    public static readonly string[] Severities = ["critical", "high", "medium", "low", "info"];

    /// <summary>The devices-by-class table, with its total row; one network's report and the fleet's share it.</summary>
    internal static void WriteClasses(TextWriter w, IReadOnlyList<ClassCount> counts, int devices, int outdated, int withCves)
    {
        var classes = new TextTable("class", "devices", "share", "outdated", "with CVEs").Right(1, 2, 3, 4);
        foreach (var k in counts.Where(k => k.Devices > 0))
            classes.Add(k.Class.Name(), Number(k.Devices), Percent(k.Share), Number(k.Outdated), Number(k.WithCves));
        classes.Add("total", Number(devices), devices == 0 ? "" : Percent(1), Number(outdated), Number(withCves));
        classes.WriteTo(w);
    }

    /// <summary>The stacks-and-versions table, each against its current release.</summary>
    internal static void WriteStacks(TextWriter w, IReadOnlyList<StackCount> counts)
    {
        var stacks = new TextTable("stack", "version", "devices", "current", "outdated").Right(2);
        foreach (var s in counts)
            stacks.Add(Cell(s.Stack, 32), Cell(s.Version, 20), Number(s.Devices),
                s.CurrentVersion is null ? "" : s.Released is null ? s.CurrentVersion : $"{s.CurrentVersion} ({s.Released})",
                s.Outdated ? "yes" : "");
        stacks.WriteTo(w);
    }

    public static void Write(TextWriter w, NetworkCensus c, string source)
    {
        w.WriteLine($"UPnP census of {Cell(source, 120)}");
        if (c.StartUs != 0) w.WriteLine($"  from {Time(c.StartUs)} to {Time(c.EndUs)} UTC");
        w.WriteLine($"  hosts seen (LAN): {c.HostsSeen}   UPnP-family devices: {c.UpnpDevices}   outdated or vulnerable: {c.OutdatedDevices}   with CVEs: {c.DevicesWithCves}");
        w.WriteLine();

        w.WriteLine("Devices by class");
        WriteClasses(w, c.Classes, c.UpnpDevices, c.OutdatedDevices, c.DevicesWithCves);
        w.WriteLine();

        w.WriteLine("Stacks and versions");
        WriteStacks(w, c.Stacks);
        w.WriteLine();

        var flagged = c.Devices.Where(d => d.Outdated).ToList();
        w.WriteLine($"Outdated or vulnerable devices ({flagged.Count})");
        if (flagged.Count > 0)
        {
            var devices = new TextTable("ip", "class", "name", "stack", "version", "CVEs / advisories");
            foreach (var d in flagged)
                devices.Add(d.Ip, d.Class.Name(), Cell(d.Name, 28), Cell(d.Stack, 24), Cell(d.Version, 16), Vulnerabilities(d));
            devices.WriteTo(w);
        }
        w.WriteLine();

        int sensitive = c.OpenMappings.Count(m => m.SensitivePort), outside = c.OpenMappings.Count(m => m.OutsideClient);
        w.WriteLine($"Port mappings open at the end ({c.OpenMappings.Count}; {sensitive} expose a sensitive port, {outside} an outside client)");
        if (c.OpenMappings.Count > 0)
        {
            var mappings = new TextTable("method", "requester", "gateway", "proto", "external", "internal client", "internal", "lease", "flags", "description");
            foreach (var m in c.OpenMappings)
                mappings.Add(m.Method, m.Requester, m.Gateway, m.Transport, Cell(m.ExternalPort, 12), Cell(m.InternalClient, 40),
                    Cell(m.InternalPort, 8), m.Lease == "0" && m.Method == "igd" ? "permanent" : Cell(m.Lease, 10), Flags(m), Cell(m.Description, 32));
            mappings.WriteTo(w);
        }
        w.WriteLine();

        w.WriteLine($"Alerts by category and severity ({c.AlertTotal})");
        if (c.Alerts.Count > 0)
        {
            var alerts = new TextTable(["category", "total", .. Severities]).Right(1, 2, 3, 4, 5, 6);
            foreach (var a in c.Alerts)
                alerts.Add([Cell(a.Category, 32), Number(a.Total), .. Severities.Select(s => a.BySeverity.TryGetValue(s, out int n) ? Number(n) : "")]);
            alerts.WriteTo(w);
        }
        w.WriteLine();

        w.WriteLine($"Timeline per host (UPnP-family messages and alerts; {c.Timeline.Count} most active hosts)");
        if (c.Timeline.Count > 0)
        {
            var timeline = new TextTable("host", "first", "last", "messages", "alerts", "first alert").Right(3, 4);
            foreach (var t in c.Timeline)
                timeline.Add(t.Host, Time(t.FirstUs), Time(t.LastUs), Number(t.Messages), Number(t.Alerts), t.FirstAlertUs is { } f ? Time(f) : "");
            timeline.WriteTo(w);
        }
    }

    public static string Vulnerabilities(CensusDevice d)
    {
        var all = d.Cves.Concat(d.Advisories).ToList();
        if (all.Count == 0) return d.CurrentVersion is null ? "" : $"older than {d.CurrentVersion}";
        return all.Count <= 4 ? string.Join(", ", all) : $"{string.Join(", ", all.Take(3))} and {all.Count - 3} more";
    }

    public static string Flags(OpenMapping m) =>
        string.Join(",", new[] { m.SensitivePort ? "sensitive-port" : null, m.OutsideClient ? "outside-client" : null }.Where(f => f is not null));
}
