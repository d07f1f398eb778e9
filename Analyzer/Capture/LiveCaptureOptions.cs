namespace Analyzer.Capture;

/// <summary>Settings of a live capture; every size has a named default.</summary>
public sealed record LiveCaptureOptions
{
    /// <summary>What the analyzers need: TCP, SSDP and NAT-PMP/PCP, IPv4 fragments, all IPv6, and the same inside VLAN tags.</summary>
    public const string DefaultFilter =
        "tcp or udp port 1900 or udp port 5350 or udp port 5351 or ip6 or (ip[6:2] & 0x3fff != 0) " +
        "or (vlan and (tcp or udp port 1900 or udp port 5350 or udp port 5351 or ip6))";

    /// <summary>Kernel buffer: the 2 MB default loses packets in bursts (TOOLCHAIN.md).</summary>
    public const int DefaultKernelBufferBytes = 64 * 1024 * 1024;

    /// <summary>Frames waiting for the pipeline; beyond this the capture callback drops and counts them.</summary>
    public const int DefaultQueueCapacity = 100_000;

    public const int DefaultSnapLength = 65535;

    public const long DefaultWritePcapMaxBytes = 1L << 30;

    public required string Interface { get; init; }
    public string Filter { get; init; } = DefaultFilter;
    public int KernelBufferBytes { get; init; } = DefaultKernelBufferBytes;
    public int QueueCapacity { get; init; } = DefaultQueueCapacity;
    public int SnapLength { get; init; } = DefaultSnapLength;
    /// <summary>Stop after this long (wall clock); null runs until cancelled.</summary>
    public TimeSpan? Duration { get; init; }
    /// <summary>Stop after this many packets; null runs until cancelled.</summary>
    public long? MaxPackets { get; init; }
    /// <summary>Also keep what was captured in this pcap file, up to <see cref="WritePcapMaxBytes"/>.</summary>
    public string? WritePcap { get; init; }
    public long WritePcapMaxBytes { get; init; } = DefaultWritePcapMaxBytes;
    /// <summary>How often the status line is printed; null for never.</summary>
    public TimeSpan? StatusInterval { get; init; } = TimeSpan.FromSeconds(10);
}
