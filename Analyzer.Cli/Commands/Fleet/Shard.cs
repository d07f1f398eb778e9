using System.Text;

namespace Analyzer.Cli.Commands.Fleet;

/// <summary>
/// Part K of N of a list of captures (<c>--shard K/N</c>): a capture belongs to the part its path's stable hash (FNV-1a
/// of the UTF-8 path as given) falls in, so every machine given the same list and N takes a disjoint part, whatever
/// the order of the list.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public const int MaxCount = 100_000;
    public static readonly Shard Whole = new(1, 1);

    public bool Contains(string path) => (int)(Fnv1a(path) % (uint)Count) == Index - 1;

    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619;
        }
        return hash;
    }
}
