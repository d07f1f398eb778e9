using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Analyzer.Capture;

/// <summary>Keeps a copy of what a live capture saw in a pcap file, up to a size cap (then stops writing).</summary>
public sealed class PcapCopy : IDisposable
{
    private const int RecordHeaderBytes = 16;

    private readonly CaptureFileWriterDevice _device;
    private readonly long _maxBytes;

    private PcapCopy(CaptureFileWriterDevice device, long maxBytes)
    {
        _device = device;
        _maxBytes = maxBytes;
    }

    public long BytesWritten { get; private set; }
    public bool CapReached { get; private set; }

    public static PcapCopy? Open(string? path, LinkLayers linkType, long maxBytes)
    {
        if (path is null) return null;
        try
        {
            var device = new CaptureFileWriterDevice(path, FileMode.Create);
            device.Open(new DeviceConfiguration { LinkLayerType = linkType, Snaplen = LiveCaptureOptions.DefaultSnapLength });
            return new PcapCopy(device, maxBytes);
        }
        catch (PcapException e)
        {
            throw new CaptureException($"{path}: cannot write: {LibPcapErrors.OneLine(e.Message)}", e);
        }
    }

    public void Write(ReadOnlySpan<byte> frame, long timestampUs)
    {
        if (CapReached) return;
        if (BytesWritten + frame.Length + RecordHeaderBytes > _maxBytes)
        {
            CapReached = true;
            return;
        }
        var header = new PcapHeader((uint)(timestampUs / 1_000_000), (uint)(timestampUs % 1_000_000), (uint)frame.Length, (uint)frame.Length);
        _device.Write(frame, ref header);
        BytesWritten += frame.Length + RecordHeaderBytes;
    }

    public void Dispose() => _device.Close();
}
