namespace Analyzer.Census;

/// <summary>
/// One device of the inventory as the census reads it: a row of the devices file (<c>--devices</c>), lists already
/// split. The stack and its CVEs are those the inventory found with the banner parser and the CVE table. Not
/// <see cref="Output.DeviceRow"/>, the row a run writes from its <see cref="Inventory.DeviceInventory"/>.
/// </summary>
public sealed record InventoryEntry(
    string Ip,
    string Stack,
    string StackVersion,
    IReadOnlyList<string> Servers,
    IReadOnlyList<string> UserAgents,
    string FriendlyName,
    string Manufacturer,
    string Model,
    IReadOnlyList<string> DeviceTypes,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Cves,
    IReadOnlyList<string> Advisories,
    IReadOnlyList<string> Protocols,
    IReadOnlyList<string> Locations);
