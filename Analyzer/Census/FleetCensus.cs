namespace Analyzer.Census;

/// <summary>
/// The census across many homes: each home's census (<see cref="Homes"/>) and their sums — devices by class, stacks
/// and versions with the outdated share, the share of homes whose gateway runs UPnP, and the open mappings that
/// expose a sensitive port.
/// </summary>
public sealed record FleetCensus(
    IReadOnlyList<HomeCensus> Homes,
    IReadOnlyList<ClassCount> Classes,
    IReadOnlyList<StackCount> Stacks,
    IReadOnlyList<FleetMapping> SensitiveMappings,
    IReadOnlyList<string> AlertCategories)
{
    public int Devices => Homes.Sum(h => h.Census.UpnpDevices);
    public int HostsSeen => Homes.Sum(h => h.Census.HostsSeen);
    public int OutdatedDevices => Homes.Sum(h => h.Census.OutdatedDevices);
    public int HomesWithUpnpGateway => Homes.Count(h => h.GatewayRunsUpnp);
    public double UpnpGatewayShare => Homes.Count == 0 ? 0 : (double)HomesWithUpnpGateway / Homes.Count;
    public double OutdatedShare => Devices == 0 ? 0 : (double)OutdatedDevices / Devices;
}
