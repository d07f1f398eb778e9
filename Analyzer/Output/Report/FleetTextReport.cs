using Analyzer.Census;
using static Analyzer.Output.Report.ReportText;

namespace Analyzer.Output.Report;

/// <summary>The census across many homes as text tables, in the terms of the one-network census.</summary>
public static class FleetTextReport
{
    /// <summary>Homes listed in the table of alerts per home: those with the most alerts.</summary>
    public const int MaxHomeRows = 100;

    public static void Write(TextWriter w, FleetCensus c, string source)
    {
        w.WriteLine($"UPnP census of a fleet: {Cell(source, 120)}");
        w.WriteLine($"  homes (sensors): {c.Homes.Count}   hosts seen (LAN): {c.HostsSeen}   UPnP-family devices: {c.Devices}   outdated or vulnerable: {c.OutdatedDevices} ({Percent(c.OutdatedShare)})");
        w.WriteLine($"  homes whose gateway runs UPnP: {c.HomesWithUpnpGateway} of {c.Homes.Count} ({Percent(c.UpnpGatewayShare)})");
        w.WriteLine();

        w.WriteLine("Devices with UPnP on, by class");
        CensusTextReport.WriteClasses(w, c.Classes, c.Devices, c.OutdatedDevices, c.Classes.Sum(k => k.WithCves));
        w.WriteLine();

        w.WriteLine($"Stacks and versions (outdated: {Percent(c.OutdatedShare)} of devices)");
        CensusTextReport.WriteStacks(w, c.Stacks);
        w.WriteLine();

        var byAlerts = c.Homes.OrderByDescending(h => h.Census.AlertTotal).ThenBy(h => h.Sensor, StringComparer.Ordinal).Take(MaxHomeRows).ToList();
        w.WriteLine($"Alerts by category per home ({c.Homes.Sum(h => h.Census.AlertTotal)}; {byAlerts.Count} of {c.Homes.Count} homes shown)");
        var alerts = new TextTable(["home", "devices", "UPnP gateway", "total", .. c.AlertCategories]).Right([1, 3, .. Enumerable.Range(4, c.AlertCategories.Count)]);
        foreach (var h in byAlerts)
            alerts.Add([Cell(h.Sensor, 32), Number(h.Census.UpnpDevices), h.GatewayRunsUpnp ? "yes" : "", Number(h.Census.AlertTotal),
                .. c.AlertCategories.Select(cat => h.Census.Alerts.FirstOrDefault(a => a.Category == cat) is { } a ? Number(a.Total) : "")]);
        alerts.WriteTo(w);
        w.WriteLine();

        w.WriteLine($"Open mappings exposing a sensitive port ({c.Homes.Sum(h => h.Census.OpenMappings.Count(m => m.SensitivePort))}; {c.SensitiveMappings.Count} most recent shown)");
        if (c.SensitiveMappings.Count > 0)
        {
            var mappings = new TextTable("home", "method", "requester", "gateway", "proto", "external", "internal client", "internal", "lease", "flags", "description");
            foreach (var (sensor, m) in c.SensitiveMappings)
                mappings.Add(Cell(sensor, 32), m.Method, m.Requester, m.Gateway, m.Transport, Cell(m.ExternalPort, 12), Cell(m.InternalClient, 40),
                    Cell(m.InternalPort, 8), m.Lease == "0" && m.Method == "igd" ? "permanent" : Cell(m.Lease, 10), CensusTextReport.Flags(m), Cell(m.Description, 32));
            mappings.WriteTo(w);
        }
    }
}
