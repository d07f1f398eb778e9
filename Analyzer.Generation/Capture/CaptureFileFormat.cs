namespace Analyzer.Generation.Capture;

public enum CaptureFileFormat : byte
{
    /// <summary>Classic libpcap format, microsecond timestamps.</summary>
    Pcap,

    /// <summary>pcapng (SHB, IDB, EPB), microsecond timestamps.</summary>
    PcapNg,
}
