using Analyzer.Decoding;

namespace Analyzer.Network;

/// <summary>An address prefix such as 192.168.0.0/16 or fd00::/8.</summary>
public readonly record struct IpPrefix(NetAddress Network, int Length)
{
    public static IpPrefix Parse(string text)
    {
        if (!TryParse(text, out var prefix)) throw new FormatException($"not an address prefix: '{text}'");
        return prefix;
    }

    public static bool TryParse(string text, out IpPrefix prefix)
    {
        prefix = default;
        var slash = text.IndexOf('/');
        var addrText = slash < 0 ? text : text[..slash];
        if (!NetAddress.TryParse(addrText.Trim(), out var addr)) return false;
        int max = addr.IsV6 ? 128 : 32;
        int length = max;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], out length) || length < 0 || length > max)) return false;
        prefix = new IpPrefix(Mask(addr, length), length);
        return true;
    }

    /// <summary>The prefix of <paramref name="length"/> bits that holds <paramref name="address"/>.</summary>
    public static IpPrefix Of(NetAddress address, int length) => new(Mask(address, length), length);

    public bool Contains(NetAddress address)
    {
        if (address.IsV6 != Network.IsV6) return false;
        return Mask(address, Length).Value == Network.Value;
    }

    private static NetAddress Mask(NetAddress a, int length)
    {
        int bits = a.IsV6 ? 128 : 32;
        if (length == 0) return a with { Value = 0 };
        UInt128 all = a.IsV6 ? UInt128.MaxValue : uint.MaxValue;
        UInt128 mask = all << (bits - length) & all;
        return a with { Value = a.Value & mask };
    }

    public override string ToString() => $"{Network}/{Length}";
}
