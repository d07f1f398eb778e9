using Analyzer.Tests.Support;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace Analyzer.Tests.Output.Report;

/// <summary>
/// Renders the report page of the demo capture in headless Chromium and checks what a person would see: the census
/// table with its rows, and every plot drawn with a size and marks (bars, points, labels). The screenshot is kept
/// in the test output folder (artifacts/report-demo.png).
/// </summary>
public class ReportPageBrowserTests(ITestOutputHelper output)
{
    private const string Demo = "demo-home-attacks.pcap";

    [ChromiumFact]
    public async Task TheDemoReportRendersItsCensusTableAndEveryPlot()
    {
        using var dir = new TempDir();
        var html = dir.File("report.html");
        var run = CliRunner.Run(dir.Path, "report", Path.Combine(Repo.Samples, Demo), "--html", html, "--no-model");
        Assert.Equal(0, run.ExitCode);

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1150, Height = 900 });
        await page.GoToAsync(new Uri(html).AbsoluteUri);

        var rows = await page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('#census tbody tr')].map(r => [...r.cells].map(c => c.textContent.trim()).join('|'))");
        Assert.Equal(9, rows.Length);
        Assert.Equal("gateway|2|14.3%|1|1", rows[0]);
        Assert.Equal("total|14|100.0%|5|3", rows[^1]);

        foreach (var chart in new[] { "chart-classes", "chart-stacks", "chart-timeline" })
        {
            var drawn = await page.EvaluateExpressionAsync<double[]>(
                $"(() => {{ const s = document.querySelector('#{chart} svg'); if (!s) return [0, 0, 0, 0];" +
                " const b = s.getBoundingClientRect();" +
                " return [b.width, b.height, s.querySelectorAll('rect, path').length, s.querySelectorAll('text').length]; })()");
            output.WriteLine($"{chart}: {drawn[0]}x{drawn[1]}, {drawn[2]} shapes, {drawn[3]} labels");
            Assert.True(drawn[0] > 300 && drawn[1] > 100, $"{chart} is drawn {drawn[0]}x{drawn[1]}");
            Assert.True(drawn[2] > 5, $"{chart} has {drawn[2]} shapes");
            Assert.True(drawn[3] > 3, $"{chart} has {drawn[3]} labels");
        }
        var bars = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#chart-stacks svg rect[fill=\"#C31\"]').length");
        Assert.Equal(5, bars);
        Assert.Equal(3, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#mappings tbody tr').length"));

        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        var screenshot = Path.Combine(artifacts, "report-demo.png");
        await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        output.WriteLine("screenshot: " + screenshot);
    }
}
