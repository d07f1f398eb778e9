using System.Net;
using Analyzer.Census;

namespace Analyzer.Output.Report;

/// <summary>
/// The census as one self-contained HTML page: inline CSS, plots as inline SVG (<see cref="ReportCharts"/>), no
/// script and nothing fetched when it is viewed. Every text that came off the wire is HTML-encoded. Sections carry
/// stable ids (census, chart-classes, chart-stacks, chart-timeline, devices, mappings, alerts) for tests and links.
/// </summary>
public static class CensusHtmlReport
{
    internal const string Style = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px;color:#222;max-width:1100px}
        h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}
        .summary{color:#444;margin:4px 0 12px}.figures span{display:inline-block;margin-right:22px}
        .figures b{font-size:20px;display:block}
        table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
        th{background:#f0f0f0}td.n{text-align:right}tr.bad td{background:#fdecea}.flag{color:#b00;font-weight:bold}
        figure{margin:12px 0}svg{max-width:100%;height:auto}
        """;

    public static void Write(TextWriter w, NetworkCensus c, string source)
    {
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine($"<title>UPnP census: {E(source)}</title>");
        w.WriteLine($"<style>{Style}</style></head><body>");
        w.WriteLine($"<h1>UPnP census</h1><p class=\"summary\">{E(source)}");
        if (c.StartUs != 0) w.Write($"<br>from {E(ReportText.Time(c.StartUs))} to {E(ReportText.Time(c.EndUs))} UTC");
        w.WriteLine("</p>");
        w.WriteLine("<p class=\"figures\">" +
            Figure("hosts seen (LAN)", c.HostsSeen) + Figure("UPnP-family devices", c.UpnpDevices) +
            Figure("outdated or vulnerable", c.OutdatedDevices) + Figure("with CVEs", c.DevicesWithCves) +
            Figure("mappings open at the end", c.OpenMappings.Count) + Figure("alerts", c.AlertTotal) + "</p>");

        w.WriteLine("<h2>Devices by class</h2>");
        w.WriteLine("<table id=\"census\"><thead><tr><th>class</th><th>devices</th><th>share</th><th>outdated</th><th>with CVEs</th></tr></thead><tbody>");
        foreach (var k in c.Classes)
            w.WriteLine($"<tr><td>{E(k.Class.Name())}</td>{N(k.Devices)}<td class=\"n\">{ReportText.Percent(k.Share)}</td>{N(k.Outdated)}{N(k.WithCves)}</tr>");
        w.WriteLine($"<tr><th>total</th>{N(c.UpnpDevices)}<td class=\"n\">{(c.UpnpDevices == 0 ? "" : "100.0%")}</td>{N(c.OutdatedDevices)}{N(c.DevicesWithCves)}</tr>");
        w.WriteLine("</tbody></table>");
        Chart(w, "chart-classes", ReportCharts.Classes(c));

        w.WriteLine("<h2>Stacks and versions</h2>");
        Chart(w, "chart-stacks", ReportCharts.StackVersions(c));
        w.WriteLine("<table id=\"stacks\"><thead><tr><th>stack</th><th>version</th><th>devices</th><th>current release</th><th>outdated</th></tr></thead><tbody>");
        foreach (var s in c.Stacks)
            w.WriteLine($"<tr{(s.Outdated ? " class=\"bad\"" : "")}><td>{E(s.Stack)}</td><td>{E(s.Version)}</td>{N(s.Devices)}" +
                $"<td>{E(s.CurrentVersion)}{(s.Released is null ? "" : $" ({E(s.Released)})")}</td><td>{(s.Outdated ? "yes" : "")}</td></tr>");
        w.WriteLine("</tbody></table>");
        w.WriteLine($"<p class=\"summary\">Current releases as checked on {CurrentReleases.CheckedOn}; versions are what banners claim (vendors backport fixes, banners can be faked).</p>");

        w.WriteLine("<h2>Devices and their CVEs</h2>");
        w.WriteLine("<table id=\"devices\"><thead><tr><th>ip</th><th>class</th><th>name</th><th>stack</th><th>version</th><th>CVEs / advisories</th></tr></thead><tbody>");
        foreach (var d in c.Devices)
            w.WriteLine($"<tr{(d.Outdated ? " class=\"bad\"" : "")}><td>{E(d.Ip)}</td><td>{E(d.Class.Name())}</td><td>{E(d.Name)}</td>" +
                $"<td>{E(d.Stack)}</td><td>{E(d.Version)}</td><td>{E(string.Join(", ", d.Cves.Concat(d.Advisories)))}" +
                $"{(d.Cves.Count == 0 && d.Advisories.Count == 0 && d.Outdated ? E($"older than {d.CurrentVersion}") : "")}</td></tr>");
        w.WriteLine("</tbody></table>");

        w.WriteLine("<h2>Port mappings open at the end</h2>");
        w.WriteLine("<table id=\"mappings\"><thead><tr><th>granted</th><th>method</th><th>requester</th><th>gateway</th><th>proto</th><th>external</th>" +
            "<th>internal client</th><th>internal</th><th>lease</th><th>flags</th><th>description</th></tr></thead><tbody>");
        foreach (var m in c.OpenMappings)
            w.WriteLine($"<tr{(m.SensitivePort || m.OutsideClient ? " class=\"bad\"" : "")}><td>{E(ReportText.Time(m.GrantedUs))}</td><td>{E(m.Method)}</td>" +
                $"<td>{E(m.Requester)}</td><td>{E(m.Gateway)}</td><td>{E(m.Transport)}</td><td>{E(m.ExternalPort)}</td><td>{E(m.InternalClient)}</td>" +
                $"<td>{E(m.InternalPort)}</td><td>{E(m.Lease == "0" && m.Method == "igd" ? "permanent" : m.Lease)}</td>" +
                $"<td class=\"flag\">{E(CensusTextReport.Flags(m))}</td><td>{E(m.Description)}</td></tr>");
        w.WriteLine("</tbody></table>");

        w.WriteLine("<h2>Alerts by category and severity</h2>");
        w.WriteLine("<table id=\"alerts\"><thead><tr><th>category</th><th>total</th>" +
            string.Concat(CensusTextReport.Severities.Select(s => $"<th>{s}</th>")) + "</tr></thead><tbody>");
        foreach (var a in c.Alerts)
            w.WriteLine($"<tr><td>{E(a.Category)}</td>{N(a.Total)}" +
                string.Concat(CensusTextReport.Severities.Select(s => a.BySeverity.TryGetValue(s, out int n) ? N(n) : "<td></td>")) + "</tr>");
        w.WriteLine("</tbody></table>");

        w.WriteLine("<h2>Timeline per host</h2>");
        Chart(w, "chart-timeline", ReportCharts.Timeline(c));
        w.WriteLine("</body></html>");
    }

    private static void Chart(TextWriter w, string id, string svg) => w.WriteLine($"<figure id=\"{id}\">{svg}</figure>");

    private static string Figure(string label, int n) => $"<span><b>{n}</b>{E(label)}</span>";

    private static string N(int n) => $"<td class=\"n\">{n}</td>";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
