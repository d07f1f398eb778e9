namespace Analyzer.Capture;

public enum CaptureKind : byte
{
    Unknown,
    Pcap,
    PcapNg,
}
