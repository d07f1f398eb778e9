using Analyzer.Decoding;
using Analyzer.Output;
using Analyzer.Pipeline;
using Analyzer.Rules;

namespace Analyzer.Configuration;

/// <summary>Turns a configuration file into pipeline settings, checking every value with a one-line error.</summary>
public static class SensorConfigApplier
{
    public static PipelineSettings Apply(SensorConfig config, PipelineSettings settings, string name, IEnumerable<string> knownRuleIds)
    {
        var n = config.Network;
        var lan = n.Lan?.Select(p => IpPrefix.TryParse(p, out var prefix) ? prefix : throw new ConfigException($"{name}: network.lan: '{p}' is not an address prefix"));
        var network = new NetworkContext(lan?.ToList() ?? settings.Network.LanPrefixes);
        AddAddresses(network.Routers, n.Routers, name, "network.routers");
        AddAddresses(network.WanAddresses, n.Wan, name, "network.wan");
        AddAddresses(network.TrustedControllers, n.TrustedControllers, name, "network.trusted_controllers");
        if (n.SensitivePorts is { } ports)
        {
            network.SensitivePorts.Clear();
            foreach (var p in ports)
            {
                if (p is < 0 or > 65535) throw new ConfigException($"{name}: network.sensitive_ports: {p} is not a port");
                network.SensitivePorts.Add(p);
            }
        }

        var known = knownRuleIds.ToHashSet(StringComparer.Ordinal);
        var overrides = new Dictionary<string, RuleSetting>(StringComparer.Ordinal);
        foreach (var (id, o) in config.Rules)
        {
            if (!known.Contains(id)) throw new ConfigException($"{name}: rules: unknown rule '{id}' (see 'analyzer rules')");
            Severity? severity = null;
            if (o.Severity is { } s)
                severity = Enum.TryParse<Severity>(s, ignoreCase: true, out var parsed) && !int.TryParse(s, out _)
                    ? parsed
                    : throw new ConfigException($"{name}: rules.{id}.severity: '{s}' is not one of info, low, medium, high, critical");
            overrides[id] = new RuleSetting(o.Enabled ?? true, severity);
        }

        var t = config.Thresholds;
        if (t.AggregationWindowSeconds <= 0) throw new ConfigException($"{name}: thresholds.aggregation_window_seconds must be positive");
        return settings with { Network = network, Thresholds = t, RuleSettings = overrides };
    }

    private static void AddAddresses(HashSet<NetAddress> target, List<string> values, string name, string key)
    {
        foreach (var v in values)
        {
            if (!NetAddress.TryParse(v, out var a)) throw new ConfigException($"{name}: {key}: '{v}' is not an IP address");
            target.Add(a);
        }
    }
}
