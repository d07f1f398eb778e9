using System.Diagnostics;
using System.Globalization;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Analyzer.Benchmarks;

/// <summary>Reads every packet of a capture with SharpPcap and does nothing else; prints packets and seconds.</summary>
internal static class ReadLoop
{
    public static int Run(string file)
    {
        var clock = Stopwatch.StartNew();
        using var device = new CaptureFileReaderDevice(file);
        device.Open();
        long packets = 0, bytes = 0;
        while (device.GetNextPacket(out PacketCapture capture) == GetPacketStatus.PacketRead)
        {
            packets++;
            bytes += capture.Data.Length;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"packets={packets} bytes={bytes} seconds={clock.Elapsed.TotalSeconds:0.000}"));
        return 0;
    }
}
