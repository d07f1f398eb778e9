namespace Analyzer.Census;

/// <summary>
/// The picture of one network from one run: hosts seen and the UPnP-family devices among them by class (the census
/// table), stacks and versions with the outdated ones, every device with its CVEs, the port mappings open at the end,
/// alerts by category and severity, and a per-host timeline of messages and alerts.
/// </summary>
public sealed record NetworkCensus(
    int HostsSeen,
    int UpnpDevices,
    IReadOnlyList<ClassCount> Classes,
    IReadOnlyList<StackCount> Stacks,
    IReadOnlyList<CensusDevice> Devices,
    IReadOnlyList<OpenMapping> OpenMappings,
    IReadOnlyList<AlertCount> Alerts,
    IReadOnlyList<HostTimeline> Timeline,
    long StartUs,
    long EndUs)
{
    public int OutdatedDevices => Devices.Count(d => d.Outdated);
    public int DevicesWithCves => Devices.Count(d => d.Cves.Count > 0);
    public int AlertTotal => Alerts.Sum(a => a.Total);
}
