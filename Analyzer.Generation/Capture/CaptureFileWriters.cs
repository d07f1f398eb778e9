using PacketDotNet;

namespace Analyzer.Generation.Capture;

/// <summary>Opens the writer for a format, and names the file extension that goes with it.</summary>
public static class CaptureFileWriters
{
    public static ICaptureFileWriter Open(string path, CaptureFileFormat format, LinkLayers linkType, string interfaceName) =>
        format == CaptureFileFormat.PcapNg
            ? new PcapNgWriter(path, linkType, interfaceName)
            : new PcapFileWriter(path, linkType);

    public static string Extension(CaptureFileFormat format) => format == CaptureFileFormat.PcapNg ? ".pcapng" : ".pcap";
}
