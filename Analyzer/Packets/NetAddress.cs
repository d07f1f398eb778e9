using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Analyzer.Packets;

/// <summary>
/// An IPv4 or IPv6 address held by value, so that the per-packet path can key tables on it without allocating.
/// IPv4 addresses keep their 32 bits in the low bits of <see cref="Value"/>.
/// </summary>
public readonly record struct NetAddress
{
    // Two 64-bit halves, not a UInt128 field: UInt128's alignment is fixed by the runtime, not at compile time, so a
    // ReadyToRun image could not precompile any code laid out over an address (flows, rules, tables) and start-up
    // compiled it all (bench/README.md, start-up).
    private readonly ulong _high;
    private readonly ulong _low;

    public NetAddress(UInt128 Value, bool IsV6)
    {
        _high = (ulong)(Value >> 64);
        _low = (ulong)Value;
        this.IsV6 = IsV6;
    }

    public UInt128 Value
    {
        get => new(_high, _low);
        init
        {
            _high = (ulong)(value >> 64);
            _low = (ulong)value;
        }
    }

    public bool IsV6 { get; init; }

    /// <summary>The upper 64 bits of <see cref="Value"/>, read without building a UInt128 (keys on the per-packet path).</summary>
    internal ulong High => _high;
    /// <summary>The lower 64 bits of <see cref="Value"/>.</summary>
    internal ulong Low => _low;

    /// <summary>Same address, compared half by half (no default comparer, no UInt128).</summary>
    internal static bool Same(in NetAddress a, in NetAddress b) => a._low == b._low && a._high == b._high && a.IsV6 == b.IsV6;

    public static NetAddress None => default;

    public static NetAddress FromV4(ReadOnlySpan<byte> fourBytes) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(fourBytes), false);

    public static NetAddress FromV6(ReadOnlySpan<byte> sixteenBytes) =>
        new(BinaryPrimitives.ReadUInt128BigEndian(sixteenBytes), true);

    public static NetAddress FromIPAddress(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int written);
        return written == 4 ? FromV4(bytes[..4]) : FromV6(bytes[..16]);
    }

    public static NetAddress Parse(string text) => FromIPAddress(IPAddress.Parse(text));

    /// <summary>
    /// An address written as protocols carry it in text (an IPv4 dotted quad or an IPv6 literal): host names and the
    /// short numeric forms IPAddress also accepts ("10", "1.2") are not addresses here.
    /// </summary>
    public static bool TryParseLiteral(string? text, out NetAddress address)
    {
        address = default;
        if (string.IsNullOrEmpty(text) || !(text.Contains(':') || text.Count(c => c == '.') == 3)) return false;
        return TryParse(text, out address);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out NetAddress address)
    {
        if (IPAddress.TryParse(text, out var ip))
        {
            address = FromIPAddress(ip);
            return true;
        }
        address = default;
        return false;
    }

    public AddressFamily Family => IsV6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;

    public bool IsMulticast => IsV6 ? (byte)(_high >> 56) == 0xFF : (uint)_low >> 28 == 0xE;

    public uint V4 => (uint)_low;

    public IPAddress ToIPAddress()
    {
        if (!IsV6) return new IPAddress(BinaryPrimitives.ReverseEndianness((uint)Value));
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, Value);
        return new IPAddress(bytes);
    }

    public override string ToString()
    {
        if (IsV6) return ToIPAddress().ToString();
        // IPv4 is most of what the outputs write: format the dotted quad without an IPAddress.
        Span<char> text = stackalloc char[15];
        int n = 0;
        uint v = V4;
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            ((byte)(v >> shift)).TryFormat(text[n..], out int written, default, System.Globalization.CultureInfo.InvariantCulture);
            n += written;
            if (shift > 0) text[n++] = '.';
        }
        return new string(text[..n]);
    }
}
