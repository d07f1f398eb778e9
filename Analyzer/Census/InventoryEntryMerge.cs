namespace Analyzer.Census;

/// <summary>
/// One row per address: the inventory of several captures (each analyzed on its own, as 'analyze' does) lists a
/// device once per capture it appears in, and the census counts devices, not sightings. Lists are united in order;
/// the stack, its version and the description fields come from the first row that has them.
/// </summary>
public static class InventoryEntryMerge
{
    public static List<InventoryEntry> ByAddress(IEnumerable<InventoryEntry> rows)
    {
        var merged = new List<InventoryEntry>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!index.TryGetValue(row.Ip, out int i))
            {
                index[row.Ip] = merged.Count;
                merged.Add(row);
                continue;
            }
            var m = merged[i];
            merged[i] = new InventoryEntry(m.Ip,
                m.Stack.Length > 0 ? m.Stack : row.Stack,
                m.Stack.Length > 0 ? m.StackVersion : row.StackVersion,
                Union(m.Servers, row.Servers), Union(m.UserAgents, row.UserAgents),
                First(m.FriendlyName, row.FriendlyName), First(m.Manufacturer, row.Manufacturer), First(m.Model, row.Model),
                Union(m.DeviceTypes, row.DeviceTypes), Union(m.Services, row.Services), Union(m.Cves, row.Cves),
                Union(m.Advisories, row.Advisories), Union(m.Protocols, row.Protocols), Union(m.Locations, row.Locations));
        }
        return merged;
    }

    private static string First(string a, string b) => a.Length > 0 ? a : b;

    private static List<string> Union(IReadOnlyList<string> a, IReadOnlyList<string> b) => [.. a.Union(b, StringComparer.Ordinal)];
}
