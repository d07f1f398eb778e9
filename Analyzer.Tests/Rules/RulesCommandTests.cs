using Analyzer.Rules;
using Analyzer.Tests.Rules.Support;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Rules;

public class RulesCommandTests
{
    [Fact]
    public void TheRulesVerbListsEveryRuleWithItsCategorySeverityAndDescription()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run(dir.Path, "rules");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id ", lines[0]);
        foreach (var info in BuiltInRules.Infos())
        {
            var line = Assert.Single(lines, l => l.StartsWith(info.Id + " ", StringComparison.Ordinal));
            Assert.Contains(" " + Analyzer.Alerts.AlertCategoryNames.Name(info.Category) + " ", line);
            Assert.Contains(" " + info.Severity.ToString().ToLowerInvariant() + " ", line);
            Assert.EndsWith(info.Description, line.TrimEnd('\r'));
        }
    }

    [Fact]
    public void TheRulesVerbShowsConfiguredStatesAndThresholds()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("c.yaml"), "thresholds:\n  map_flood_mappings: 12\nrules:\n  igd-map-flood:\n    enabled: false\n");

        var rules = CliRunner.Run(dir.Path, "rules", "--config", "c.yaml");
        var thresholds = CliRunner.Run(dir.Path, "rules", "--config", "c.yaml", "--thresholds");

        Assert.Matches(@"igd-map-flood\s+portmap-abuse\s+medium\s+off\s", rules.Stdout);
        Assert.Matches(@"(?m)^map_flood_mappings\s+12$", thresholds.Stdout);
    }

    [Fact]
    public void ABadConfigurationIsOneLineOnStderrAndExitCodeOne()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("bad.yaml"), "rules:\n  no-such-rule:\n    enabled: false\n");
        new PcapBuilder(1).WriteTo(dir.File("empty.pcap"));

        var result = CliRunner.Run(dir.Path, "analyze", "--config", "bad.yaml", "empty.pcap");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: bad.yaml: rules: unknown rule 'no-such-rule' (see 'analyzer rules')"], result.StderrLines);
    }

    [Fact]
    public void AnalyzeWritesTheLedgerAndInventoryItIsAskedFor()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("c.yaml"), "network:\n  routers: [192.168.1.1]\n");
        var pcap = new PcapBuilder(1);
        pcap.Add(Frames.Ethernet(0x0800, Frames.Ipv4(Hosts.Client, Hosts.Router, 17,
            Frames.Udp(5350, 5351, NatPmpBytes.Map(true, 51413, 51413, 3600)))));
        pcap.WriteTo(dir.File("map.pcap"));

        var result = CliRunner.Run(dir.Path, "analyze", "map.pcap", "--config", "c.yaml", "--mappings", "m.csv", "--devices", "d.csv", "-o", "a.csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, File.ReadAllLines(dir.File("m.csv")).Length);
        Assert.Contains(",natpmp,add,192.168.1.20,192.168.1.1,tcp,51413,", File.ReadAllText(dir.File("m.csv")));
        Assert.Equal(2, File.ReadAllLines(dir.File("d.csv")).Length);
    }
}
