using Analyzer.Census;
using ScottPlot;

namespace Analyzer.Output.Report;

/// <summary>
/// The report's plots, drawn with ScottPlot as SVG text to inline in the page (no image files, nothing fetched when
/// the page is viewed). Each plot is drawn whatever the data; an empty one says so in its title.
/// </summary>
public static class ReportCharts
{
    public const int Width = 900;
    /// <summary>Bars drawn in the stack chart; the rest of a long tail is left to the table.</summary>
    public const int MaxStackBars = 24;

    private static readonly Color Current = Color.FromHex("#4477AA");
    private static readonly Color OutdatedColor = Color.FromHex("#CC3311");
    private static readonly Color MessageColor = Color.FromHex("#7F7F7F");

    /// <summary>Devices per stack and version, outdated ones in red.</summary>
    public static string StackVersions(NetworkCensus census)
    {
        var stacks = census.Stacks.Take(MaxStackBars).ToList();
        var plot = new Plot();
        var bars = new List<Bar>();
        var positions = new List<double>();
        var labels = new List<string>();
        for (int i = 0; i < stacks.Count; i++)
        {
            var s = stacks[i];
            double y = stacks.Count - 1 - i;
            bars.Add(new Bar { Position = y, Value = s.Devices, FillColor = s.Outdated ? OutdatedColor : Current, Orientation = Orientation.Horizontal });
            positions.Add(y);
            labels.Add(Label(s.Version.Length > 0 ? $"{s.Stack} {s.Version}" : s.Stack));
        }
        if (bars.Count > 0) plot.Add.Bars(bars);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. positions], [.. labels]);
        plot.Axes.Bottom.Label.Text = "devices (red: outdated or with CVEs)";
        plot.Axes.Margins(left: 0, right: 0.1);
        plot.Title(bars.Count > 0 ? "Stacks and versions" : "Stacks and versions (no device seen)");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return Svg(plot, Width, 120 + 28 * Math.Max(1, bars.Count));
    }

    /// <summary>UPnP-family devices per census class.</summary>
    public static string Classes(NetworkCensus census)
    {
        var plot = new Plot();
        var classes = census.Classes;
        double Row(int i) => classes.Count - 1 - i;
        var bars = classes.Select((k, i) => new Bar { Position = Row(i), Value = k.Devices, FillColor = Current, Orientation = Orientation.Horizontal }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. classes.Select((_, i) => Row(i))], [.. classes.Select(k => k.Class.Name())]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Bottom.Label.Text = "devices";
        plot.Axes.Margins(left: 0, right: 0.1);
        plot.Title(census.UpnpDevices > 0 ? "UPnP-family devices by class" : "UPnP-family devices by class (none seen)");
        return Svg(plot, Width, 120 + 28 * classes.Count);
    }

    /// <summary>Per host (one row each), its UPnP-family messages (grey) and alerts (red) over time.</summary>
    public static string Timeline(NetworkCensus census)
    {
        var plot = new Plot();
        var hosts = census.Timeline;
        double Seconds(long us) => (us - census.StartUs) / 1e6;
        for (int i = 0; i < hosts.Count; i++)
        {
            double y = hosts.Count - 1 - i;
            var t = hosts[i];
            if (t.MessageTimes.Count > 0)
                plot.Add.Markers(t.MessageTimes.Select(Seconds).ToArray(), t.MessageTimes.Select(_ => y).ToArray(), MarkerShape.FilledCircle, 4, MessageColor);
            if (t.AlertTimes.Count > 0)
                plot.Add.Markers(t.AlertTimes.Select(Seconds).ToArray(), t.AlertTimes.Select(_ => y).ToArray(), MarkerShape.FilledDiamond, 9, OutdatedColor);
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. hosts.Select((_, i) => (double)(hosts.Count - 1 - i))], [.. hosts.Select(h => h.Host)]);
        plot.Axes.Bottom.Label.Text = census.StartUs == 0 ? "seconds" : $"seconds since {ReportText.Time(census.StartUs)} UTC (grey: messages, red: alerts)";
        plot.Title(hosts.Count > 0 ? "Timeline per host" : "Timeline per host (no activity)");
        return Svg(plot, Width, 120 + 24 * Math.Max(1, hosts.Count));
    }

    /// <summary>Banner text drawn in a plot: capped, and without the characters that mean markup in SVG.</summary>
    private static string Label(string text) =>
        string.Concat(ReportText.Cell(text, 40).Select(ch => ch is '<' or '>' or '&' or '"' ? '?' : ch));

    private static string Svg(Plot plot, int width, int height)
    {
        var svg = plot.GetSvgXml(width, height);
        // The XML declaration is not allowed inside an HTML document.
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
