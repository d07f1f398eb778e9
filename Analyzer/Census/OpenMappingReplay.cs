using Analyzer.Output;
using System.Globalization;
using Analyzer.Decoding;
using Analyzer.Inventory;
using Analyzer.Rules;

namespace Analyzer.Census;

/// <summary>
/// Finds the port mappings still open at the end of a run by replaying the mapping ledger in order: a granted
/// request that creates a mapping opens it, a granted delete (or delete-all of the same client) and an expiry row
/// close it. A mapping is named the way the ledger names it: IGD by gateway, external port and transport;
/// NAT-PMP and PCP by gateway, internal client, internal port and transport (RFC 6886 §3.3, RFC 6887 §11.1).
/// </summary>
public static class OpenMappingReplay
{
    /// <summary>Open mappings kept; a ledger of more than this many live mappings is a flood, its oldest are dropped.</summary>
    public const int MaxOpen = 16_384;

    private static readonly HashSet<string> CreatingActions = new(StringComparer.Ordinal)
        { "add", "add-any", "peer", "add-pinhole", "update-pinhole" };

    public static List<OpenMapping> Replay(IEnumerable<LedgerEntry> rows, NetworkContext network)
    {
        var open = new Dictionary<(string, string, string, string, string), OpenMapping>();
        foreach (var r in rows)
        {
            if (r.Action == MappingRecords.ExpireAction)
            {
                open.Remove(Identity(r));
                continue;
            }
            if (r.Outcome != "granted") continue;
            if (r.Action == "delete-all")
            {
                foreach (var key in open.Keys.Where(k => k.Item1 == r.Method && k.Item2 == r.Gateway && k.Item3 == r.Transport
                             && open[k].InternalClient == r.InternalClient).ToList())
                    open.Remove(key);
                continue;
            }
            var identity = Identity(r);
            string lease = r.GrantedLease.Length > 0 ? r.GrantedLease : r.Lease;
            // NAT-PMP and PCP delete with a lifetime of 0; IGD's lease 0 is a permanent mapping.
            if (!CreatingActions.Contains(r.Action) || (r.Method != "igd" && lease == "0"))
            {
                open.Remove(identity);
                continue;
            }
            if (open.Count >= MaxOpen && !open.ContainsKey(identity)) open.Remove(open.MinBy(kv => kv.Value.GrantedUs).Key);
            open[identity] = new OpenMapping(r.TimeUs, r.Method, r.Requester, r.Gateway, r.Transport,
                r.GrantedExternalPort.Length > 0 ? r.GrantedExternalPort : r.ExternalPort, r.InternalClient, r.InternalPort,
                lease, r.Description, IsSensitive(r, network), IsOutside(r, network));
        }
        return [.. open.Values.OrderBy(m => m.GrantedUs)];
    }

    private static (string, string, string, string, string) Identity(LedgerEntry r) => r.Method == "igd"
        ? (r.Method, r.Gateway, r.Transport, r.GrantedExternalPort.Length > 0 ? r.GrantedExternalPort : r.ExternalPort, "")
        : (r.Method, r.Gateway, r.Transport, r.InternalPort, r.InternalClient);

    private static bool IsSensitive(LedgerEntry r, NetworkContext network) =>
        Port(r.InternalPort) is { } i && network.SensitivePorts.Contains(i)
        || Port(r.GrantedExternalPort.Length > 0 ? r.GrantedExternalPort : r.ExternalPort) is { } e && network.SensitivePorts.Contains(e);

    /// <summary>The mapping forwards to, or was asked by, a host outside the LAN (or to something that is no address at all).</summary>
    private static bool IsOutside(LedgerEntry r, NetworkContext network)
    {
        if (NetAddress.TryParse(r.Requester, out var requester) && network.IsOutside(requester)) return true;
        if (r.InternalClient.Length == 0) return false;
        return !NetAddress.TryParse(r.InternalClient, out var client) || network.IsOutside(client);
    }

    private static int? Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int p) ? p : null;
}
