using SharpPcap;
using SharpPcap.LibPcap;

namespace Analyzer.Tests.Generation;

/// <summary>Reads a capture back with SharpPcap, the way the analyzer will, and fails on a truncated file.</summary>
internal static class CaptureFiles
{
    public static List<RawCapture> ReadAll(string path)
    {
        var frames = new List<RawCapture>();
        using var device = new CaptureFileReaderDevice(path);
        device.Open();
        GetPacketStatus status;
        while ((status = device.GetNextPacket(out PacketCapture capture)) == GetPacketStatus.PacketRead)
            frames.Add(capture.GetPacket());
        Assert.Equal(GetPacketStatus.NoRemainingPackets, status);
        return frames;
    }
}
