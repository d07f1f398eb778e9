namespace Analyzer.Generation.Packets;

/// <summary>The link-layer framing of a capture: what a mirror port, a trunk port or a router's "any" device shows.</summary>
public enum LinkLayerKind : byte
{
    /// <summary>Plain Ethernet II (DLT_EN10MB).</summary>
    Ethernet,

    /// <summary>Ethernet with an 802.1Q tag, as on a trunk port (DLT_EN10MB).</summary>
    Vlan,

    /// <summary>Linux cooked capture v1, as <c>tcpdump -i any</c> on the router writes (DLT_LINUX_SLL).</summary>
    LinuxSll,
}
