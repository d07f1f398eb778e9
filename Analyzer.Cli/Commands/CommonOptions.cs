using System.CommandLine;
using Analyzer.Output;
using Analyzer.Rules;

namespace Analyzer.Cli.Commands;

/// <summary>Options shared by the verbs that run the pipeline (analyze, sniff).</summary>
public static class CommonOptions
{
    public static Option<string> Alerts() => new("--alerts", "-o")
    {
        Description = "Alert CSV file ('-' for standard output)",
        DefaultValueFactory = _ => "alerts.csv",
    };

    public static Option<string?> Events() => new("--events")
    {
        Description = "Also write one row per decoded message to this CSV file",
    };

    public static Option<string?> Flows() => new("--flows")
    {
        Description = "Also write flow records to this CSV file (UPnP-family flows; see --all-flows)",
    };

    public static Option<bool> AllFlows() => new("--all-flows")
    {
        Description = "Write every TCP/UDP flow to the --flows file, not only UPnP-family ones",
    };

    public static Option<string[]> Lan()
    {
        var option = new Option<string[]>("--lan")
        {
            Description = "LAN prefix (repeatable), replacing the default RFC 1918 / ULA / link-local set, e.g. --lan 192.168.1.0/24",
            AllowMultipleArgumentsPerToken = true,
        };
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (!IpPrefix.TryParse(token.Value, out _))
                    result.AddError($"--lan: '{token.Value}' is not an address prefix such as 192.168.1.0/24");
        });
        return option;
    }

    public static Option<string?> Mappings() => new("--mappings")
    {
        Description = "Also write the port-mapping ledger (IGD, NAT-PMP, PCP requests, outcomes, expiries) to this CSV file",
    };

    public static Option<string?> Devices() => new("--devices")
    {
        Description = "Also write the device inventory (address, MAC, UDN, banners, stack, CVEs) to this CSV file",
    };

    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "Format of every output file: csv, or jsonl (one JSON object per line, EVE style; the default alert file becomes alerts.jsonl)",
        DefaultValueFactory = _ => OutputFormat.Csv,
        CustomParser = r => r.Tokens.Count == 1 && OutputFormats.TryParse(r.Tokens[0].Value, out var f) ? f : Fail(r),
    };

    private static OutputFormat Fail(System.CommandLine.Parsing.ArgumentResult r)
    {
        r.AddError($"--format: '{(r.Tokens.Count > 0 ? r.Tokens[0].Value : "")}' is not one of csv, jsonl");
        return OutputFormat.Csv;
    }

    public static Option<string?> Evidence() => new("--evidence")
    {
        Description = "Write the packets of each alert (the datagram, or the TCP connection from its handshake, capped) as a pcap in this directory, named in an extra 'evidence' column",
    };

    public static Option<string?> Config() => new("--config", "-c")
    {
        Description = "Configuration file (YAML or JSON): LAN prefixes, routers, thresholds, allowlists, per-rule settings; see config.example.yaml",
    };

    public static Option<bool> NoRules() => new("--no-rules")
    {
        Description = "Do not run the detection rules (decode and log only)",
    };

    /// <summary>Where analyze and sniff look for the model when --model is not given (relative to the working directory).</summary>
    public const string DefaultModelPath = "models/upnp-anomaly.zip";

    public static Option<string?> Model() => new("--model")
    {
        Description = $"Learned model that scores host windows and raises anomaly alerts (default: {DefaultModelPath} in the working directory, else the one beside the program; its .json metadata must sit beside it)",
    };

    public static Option<bool> NoModel() => new("--no-model")
    {
        Description = "Run without the learned model (no scores, no anomaly alerts)",
    };

    public static Option<Severity> MinSeverity()
    {
        var option = new Option<Severity>("--min-severity")
        {
            Description = "Write only alerts of this severity or above to every alert output: info, low, medium, high or critical",
            HelpName = "LEVEL",
            DefaultValueFactory = _ => Severity.Info,
        };
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (Enum.TryParse<Severity>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) && !char.IsDigit(text[0])) return level;
            result.AddError(Usage.NumberRange.Message(option.Name, text, "one of " + string.Join(", ", Enum.GetNames<Severity>().Select(n => n.ToLowerInvariant()))));
            return Severity.Info;
        };
        return option;
    }

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Print only errors and warnings on stderr (no summary, notes or status lines)",
    };
}
