using System.Net.NetworkInformation;
using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Network;

/// <summary>MAC addresses with the vendor prefixes (OUIs) such devices really carry, and seeded device parts.</summary>
internal static class MacAddresses
{
    public static readonly byte[] Avm = [0x3C, 0xA6, 0x2F];
    public static readonly byte[] TpLink = [0x50, 0xC7, 0xBF];
    public static readonly byte[] Netgear = [0xA0, 0x40, 0xA0];
    public static readonly byte[] Intel = [0x8C, 0x8D, 0x28];
    public static readonly byte[] Xiaomi = [0x64, 0xCC, 0x2E];
    public static readonly byte[] Lg = [0x38, 0x8C, 0x50];
    public static readonly byte[] Google = [0xF4, 0xF5, 0xD8];
    public static readonly byte[] Sonos = [0x5C, 0xAA, 0xFD];
    public static readonly byte[] Synology = [0x00, 0x11, 0x32];
    public static readonly byte[] Microsoft = [0x7C, 0xED, 0x8D];
    public static readonly byte[] Dell = [0x18, 0x66, 0xDA];
    public static readonly byte[] Hikvision = [0xC0, 0x56, 0xE3];
    public static readonly byte[] Juniper = [0x00, 0x05, 0x86];
    public static readonly byte[] RaspberryPi = [0xB8, 0x27, 0xEB];

    public static PhysicalAddress Make(byte[] oui, GenerationRandom random)
    {
        var suffix = random.Bytes(3);
        return new PhysicalAddress([oui[0], oui[1], oui[2], suffix[0], suffix[1], suffix[2]]);
    }
}
