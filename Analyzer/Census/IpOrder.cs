using System.Net;

namespace Analyzer.Census;

/// <summary>Orders address texts as addresses (192.168.1.9 before 192.168.1.10), texts that are not addresses last.</summary>
public sealed class IpOrder : IComparer<string>
{
    public static readonly IpOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        bool xa = IPAddress.TryParse(x, out var a), ya = IPAddress.TryParse(y, out var b);
        if (!xa || !ya) return xa != ya ? (xa ? -1 : 1) : string.CompareOrdinal(x, y);
        var ab = a!.GetAddressBytes();
        var bb = b!.GetAddressBytes();
        if (ab.Length != bb.Length) return ab.Length.CompareTo(bb.Length);
        for (int i = 0; i < ab.Length; i++)
            if (ab[i] != bb[i]) return ab[i].CompareTo(bb[i]);
        return 0;
    }
}
