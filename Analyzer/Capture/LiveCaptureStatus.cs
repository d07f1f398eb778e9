namespace Analyzer.Capture;

/// <summary>Counters of a live capture, read for the periodic status line and the final summary.</summary>
public sealed record LiveCaptureStatus(
    long Received,
    long Processed,
    long KernelDropped,
    long InterfaceDropped,
    long QueueDropped,
    long PcapBytesWritten,
    bool PcapCapReached)
{
    public long TotalDropped => KernelDropped + InterfaceDropped + QueueDropped;
}
