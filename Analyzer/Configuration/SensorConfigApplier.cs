using Analyzer.Decoding;
using Analyzer.Pipeline;
using Analyzer.Rules;
using Analyzer.Rules.BuiltIn;

namespace Analyzer.Configuration;

/// <summary>
/// Turns a configuration file into pipeline settings, checking every value with a one-line error
/// (<see cref="ConfigException"/>): addresses and prefixes, ports, rule ids (against <paramref name="knownRuleIds"/>,
/// normally <see cref="BuiltInRules"/>), severities and thresholds (all positive).
/// </summary>
public static class SensorConfigApplier
{
    /// <summary>Loads <paramref name="path"/> and applies it, checking rule ids against the built-in rules.</summary>
    public static PipelineSettings ApplyFile(string path, PipelineSettings settings) =>
        Apply(SensorConfigLoader.Load(path), settings, path, BuiltInRules.Infos().Select(i => i.Id));

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
            overrides[id] = new RuleSetting(o.Enabled ?? true, severity)
            {
                Allow = Prefixes(o.Allow, name, $"rules.{id}.allow"),
            };
        }
        network.Allowlist.AddRange(Prefixes(config.Allowlist, name, "allowlist"));

        var t = config.Thresholds;
        if (t.Validate() is { } problem) throw new ConfigException($"{name}: thresholds.{problem}");
        return settings with { Network = network, Thresholds = t, RuleSettings = overrides };
    }

    private static List<IpPrefix> Prefixes(List<string> values, string name, string key) =>
        values.Select(v => IpPrefix.TryParse(v, out var p) ? p : throw new ConfigException($"{name}: {key}: '{v}' is not an address or prefix")).ToList();

    private static void AddAddresses(HashSet<NetAddress> target, List<string> values, string name, string key)
    {
        foreach (var v in values)
        {
            if (!NetAddress.TryParse(v, out var a)) throw new ConfigException($"{name}: {key}: '{v}' is not an IP address");
            target.Add(a);
        }
    }
}
