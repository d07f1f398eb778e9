using Analyzer.Capture;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Analyzer.Generation.Capture;

/// <summary>
/// Writes classic pcap through SharpPcap's <see cref="CaptureFileWriterDevice"/> (libpcap's dumper), so the files are
/// exactly what tcpdump writes. Needs libpcap at run time (Debian: <c>libpcap0.8</c>).
/// </summary>
public sealed class PcapFileWriter : ICaptureFileWriter
{
    private readonly CaptureFileWriterDevice _device;

    /// <exception cref="CaptureWriterException">libpcap is missing or the file cannot be created.</exception>
    public PcapFileWriter(string path, LinkLayers linkType, int snapLength = PcapNgWriter.DefaultSnapLength)
    {
        try
        {
            _device = new CaptureFileWriterDevice(path, FileMode.Create);
            _device.Open(new DeviceConfiguration { LinkLayerType = linkType, Snaplen = snapLength });
        }
        catch (Exception e) when (LibPcapErrors.IsMissingLibrary(e))
        {
            throw new CaptureWriterException(LibPcapErrors.Missing, e);
        }
        catch (PcapException e)
        {
            throw new CaptureWriterException($"cannot create {path}: {LibPcapErrors.OneLine(e.Message)}", e);
        }
    }

    public void Write(GeneratedFrame frame)
    {
        var header = new PcapHeader(
            (uint)(frame.TimestampUs / 1_000_000), (uint)(frame.TimestampUs % 1_000_000),
            (uint)frame.Data.Length, (uint)frame.Data.Length);
        _device.Write(frame.Data, ref header);
    }

    public void Dispose() => _device.Close();
}
