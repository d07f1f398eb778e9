namespace Analyzer.Generation.Randomness;

/// <summary>
/// The only source of randomness in generation. Seeded <see cref="System.Random"/> is deterministic within one .NET
/// version, which is what "same seed, same bytes" needs; nothing here reads the clock or the environment.
/// </summary>
public sealed class GenerationRandom
{
    private readonly Random _random;

    public GenerationRandom(int seed) => _random = new Random(seed);

    /// <summary>
    /// A seed for one named part of a run (a scenario), so that a capture's bytes depend on the run seed and its own
    /// name only: generating one scenario alone gives the same file as generating it among all the others.
    /// </summary>
    public static int DeriveSeed(int seed, string name)
    {
        // FNV-1a over the seed and the name; string.GetHashCode is randomised per process and so unusable here.
        uint hash = 2166136261;
        foreach (byte b in BitConverter.GetBytes(seed)) hash = (hash ^ b) * 16777619;
        foreach (char c in name) hash = (hash ^ c) * 16777619;
        return (int)(hash & 0x7FFFFFFF);
    }

    /// <summary>An integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public long NextLong(long minInclusive, long maxExclusive) => _random.NextInt64(minInclusive, maxExclusive);

    public uint NextUInt32() => (uint)_random.NextInt64(0, 1L << 32);

    public double NextDouble() => _random.NextDouble();

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Lower-case hex digits, for nonces, tokens and identifiers.</summary>
    public string Hex(int digits)
    {
        const string alphabet = "0123456789abcdef";
        var chars = new char[digits];
        for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[_random.Next(16)];
        return new string(chars);
    }

    /// <summary>An RFC 4122 version-4 UUID made from seeded bytes (Guid.NewGuid would break determinism).</summary>
    public Guid Uuid()
    {
        var bytes = Bytes(16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Letters and digits, for random-looking names such as evil-ssdp's canary search targets.</summary>
    public string Alphanumeric(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[_random.Next(alphabet.Length)];
        return new string(chars);
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
