using System.Text;
using Analyzer.Decoding;

namespace Analyzer.Decoding.Http;

/// <summary>
/// HTTP servers (address and port) known to be UPnP stacks because a response of theirs said so in its Server header
/// (<c>UPnP/1.0</c>, as UDA §2.1 requires of every response), so that POSTs to them that are not control can be
/// reported. Bounded: beyond <see cref="MaxServers"/> the first learned is forgotten first.
/// </summary>
internal sealed class UpnpHttpServers
{
    public const int MaxServers = 4096;

    private readonly HashSet<(NetAddress, ushort)> _known = [];
    private readonly Queue<(NetAddress, ushort)> _order = new();

    public bool Contains(NetAddress address, ushort port) => _known.Contains((address, port));

    public void Learn(NetAddress address, ushort port)
    {
        if (!_known.Add((address, port))) return;
        _order.Enqueue((address, port));
        if (_order.Count > MaxServers) _known.Remove(_order.Dequeue());
    }

    /// <summary>The head's Server header names a UPnP version (<c>UPnP/</c>, any case).</summary>
    public static bool SaysUpnp(ReadOnlySpan<byte> head, HttpHead parsed)
    {
        if (!parsed.TryGetValue(head, "Server"u8, out var server)) return false;
        for (int i = 0; i + 5 <= server.Length; i++)
            if (Ascii.EqualsIgnoreCase(server.Slice(i, 5), "UPnP/"u8)) return true;
        return false;
    }
}
