using Analyzer.Network;

namespace Analyzer.Census;

/// <summary>
/// Builds a fleet's census: each home through <see cref="CensusBuilder"/> (the one census of a network), then the
/// sums. Devices are never merged across homes (the same private address is a different device in each).
/// </summary>
public static class FleetCensusBuilder
{
    /// <summary>Open mappings listed in the fleet's table of sensitive exposures; the most recent first.</summary>
    public const int MaxSensitiveMappings = 50;

    public static FleetCensus Build(FleetRecords records, NetworkContext network)
    {
        var homes = records.Homes().Select(h => new HomeCensus(h.Sensor, CensusBuilder.Build(h.Records, network.Copy()))).ToList();
        int total = homes.Sum(h => h.Census.UpnpDevices);
        var classes = Enum.GetValues<DeviceClass>()
            .Select(c =>
            {
                var counts = homes.Select(h => h.Census.Classes.First(k => k.Class == c)).ToList();
                int devices = counts.Sum(k => k.Devices);
                return new ClassCount(c, devices, total == 0 ? 0 : (double)devices / total, counts.Sum(k => k.Outdated), counts.Sum(k => k.WithCves));
            })
            .ToList();
        var stacks = homes.SelectMany(h => h.Census.Stacks)
            .GroupBy(s => (s.Stack, s.Version))
            .Select(g => g.First() with { Devices = g.Sum(s => s.Devices), Outdated = g.Any(s => s.Outdated) })
            .OrderByDescending(s => s.Devices).ThenBy(s => s.Stack, StringComparer.Ordinal).ThenBy(s => s.Version, StringComparer.Ordinal)
            .ToList();
        var sensitive = homes.SelectMany(h => h.Census.OpenMappings.Where(m => m.SensitivePort).Select(m => new FleetMapping(h.Sensor, m)))
            .OrderByDescending(m => m.Mapping.GrantedUs).ThenBy(m => m.Sensor, StringComparer.Ordinal)
            .Take(MaxSensitiveMappings)
            .ToList();
        var categories = homes.SelectMany(h => h.Census.Alerts)
            .GroupBy(a => a.Category)
            .OrderByDescending(g => g.Sum(a => a.Total)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        return new FleetCensus(homes, classes, stacks, sensitive, categories);
    }
}
