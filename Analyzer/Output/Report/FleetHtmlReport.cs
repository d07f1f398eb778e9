using System.Net;
using Analyzer.Census;

namespace Analyzer.Output.Report;

/// <summary>
/// The fleet's census as one self-contained page, styled and charted as the one-network census; sections carry stable
/// ids (fleet, chart-classes, chart-stacks, stacks, homes, mappings).
/// </summary>
public static class FleetHtmlReport
{
    public static void Write(TextWriter w, FleetCensus c, string source)
    {
        // The fleet's sums in the shape of one network's census, so the same charts draw them.
        var whole = new NetworkCensus(c.HostsSeen, c.Devices, c.Classes, c.Stacks, [], [], [], [], 0, 0);
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine($"<title>UPnP fleet census: {E(source)}</title>");
        w.WriteLine($"<style>{CensusHtmlReport.Style}</style></head><body>");
        w.WriteLine($"<h1>UPnP fleet census</h1><p class=\"summary\">{E(source)}</p>");
        w.WriteLine("<p class=\"figures\">" +
            Figure("homes (sensors)", c.Homes.Count) + Figure("hosts seen (LAN)", c.HostsSeen) + Figure("UPnP-family devices", c.Devices) +
            Figure("outdated or vulnerable", c.OutdatedDevices) + Figure("homes whose gateway runs UPnP", c.HomesWithUpnpGateway) + "</p>");
        w.WriteLine($"<p class=\"summary\">{ReportText.Percent(c.UpnpGatewayShare)} of homes have a gateway that runs UPnP; {ReportText.Percent(c.OutdatedShare)} of devices are outdated or vulnerable.</p>");

        w.WriteLine("<h2>Devices with UPnP on, by class</h2>");
        w.WriteLine("<table id=\"fleet\"><thead><tr><th>class</th><th>devices</th><th>share</th><th>outdated</th><th>with CVEs</th></tr></thead><tbody>");
        foreach (var k in c.Classes)
            w.WriteLine($"<tr><td>{E(k.Class.Name())}</td>{N(k.Devices)}<td class=\"n\">{ReportText.Percent(k.Share)}</td>{N(k.Outdated)}{N(k.WithCves)}</tr>");
        w.WriteLine("</tbody></table>");
        w.WriteLine($"<figure id=\"chart-classes\">{ReportCharts.Classes(whole)}</figure>");

        w.WriteLine("<h2>Stacks and versions</h2>");
        w.WriteLine($"<figure id=\"chart-stacks\">{ReportCharts.StackVersions(whole)}</figure>");
        w.WriteLine("<table id=\"stacks\"><thead><tr><th>stack</th><th>version</th><th>devices</th><th>current release</th><th>outdated</th></tr></thead><tbody>");
        foreach (var s in c.Stacks)
            w.WriteLine($"<tr{(s.Outdated ? " class=\"bad\"" : "")}><td>{E(s.Stack)}</td><td>{E(s.Version)}</td>{N(s.Devices)}" +
                $"<td>{E(s.CurrentVersion)}{(s.Released is null ? "" : $" ({E(s.Released)})")}</td><td>{(s.Outdated ? "yes" : "")}</td></tr>");
        w.WriteLine("</tbody></table>");

        w.WriteLine("<h2>Alerts by category per home</h2>");
        w.Write("<table id=\"homes\"><thead><tr><th>home</th><th>devices</th><th>UPnP gateway</th><th>alerts</th>");
        foreach (var cat in c.AlertCategories) w.Write($"<th>{E(cat)}</th>");
        w.WriteLine("</tr></thead><tbody>");
        foreach (var h in c.Homes.OrderByDescending(h => h.Census.AlertTotal).ThenBy(h => h.Sensor, StringComparer.Ordinal).Take(FleetTextReport.MaxHomeRows))
        {
            w.Write($"<tr><td>{E(h.Sensor)}</td>{N(h.Census.UpnpDevices)}<td>{(h.GatewayRunsUpnp ? "yes" : "")}</td>{N(h.Census.AlertTotal)}");
            foreach (var cat in c.AlertCategories)
                w.Write(h.Census.Alerts.FirstOrDefault(a => a.Category == cat) is { } a ? N(a.Total) : "<td></td>");
            w.WriteLine("</tr>");
        }
        w.WriteLine("</tbody></table>");

        w.WriteLine("<h2>Open mappings exposing a sensitive port</h2>");
        w.WriteLine("<table id=\"mappings\"><thead><tr><th>home</th><th>method</th><th>requester</th><th>gateway</th><th>proto</th><th>external</th><th>internal client</th><th>internal</th><th>lease</th><th>flags</th><th>description</th></tr></thead><tbody>");
        foreach (var (sensor, m) in c.SensitiveMappings)
            w.WriteLine($"<tr class=\"bad\"><td>{E(sensor)}</td><td>{E(m.Method)}</td><td>{E(m.Requester)}</td><td>{E(m.Gateway)}</td><td>{E(m.Transport)}</td>" +
                $"<td>{E(m.ExternalPort)}</td><td>{E(m.InternalClient)}</td><td>{E(m.InternalPort)}</td><td>{E(m.Lease)}</td><td>{E(CensusTextReport.Flags(m))}</td><td>{E(m.Description)}</td></tr>");
        w.WriteLine("</tbody></table>");
        w.WriteLine("</body></html>");
    }

    private static string Figure(string label, int n) => $"<span><b>{n}</b>{E(label)}</span>";

    private static string N(int n) => $"<td class=\"n\">{n}</td>";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
