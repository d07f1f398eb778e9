namespace Analyzer.Tests.Rules.Support;

/// <summary>The addresses the rule tests use: a home LAN, its router, and hosts outside (documentation ranges).</summary>
public static class Hosts
{
    public const string Router = "192.168.1.1";
    public const string RouterWan = "198.51.100.7";
    public const string Client = "192.168.1.20";
    public const string Nas = "192.168.1.30";
    public const string Tv = "192.168.1.40";
    public const string Attacker = "203.0.113.50";
    public const string Outside = "203.0.113.80";

    public const ulong RouterMac = 0x0000_1c5f_2baa_fd01;
    public const ulong ClientMac = 0x0000_3ca9_f4a8_1fec;
    public const ulong NasMac = 0x0000_0011_3200_0030;
    public const ulong TvMac = 0x0000_a477_338c_f140;
    public const ulong RogueMac = 0x0000_0e00_dead_beef;
}
