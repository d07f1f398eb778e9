using System.Buffers;
using System.Diagnostics;
using System.Threading.Channels;
using Analyzer.Decoding.Link;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Analyzer.Capture;

/// <summary>
/// Live capture from an interface (STYLE.md §5): libpcap's callback only copies the frame into a pooled buffer and
/// queues it; the caller's thread runs the pipeline. Frames the queue cannot take are dropped and counted, and so
/// are the kernel's and the interface's drops. Idle time still advances the pipeline's clock through
/// <c>tick</c>, so a quiet network still has its flows and windows expired.
/// </summary>
public sealed class LiveDeviceSource(LiveCaptureOptions options)
{
    /// <summary>Wall-clock interval between two ticks when no packet arrives.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    private readonly record struct Frame(byte[] Buffer, int Length, long TimestampUs);

    public LiveCaptureOptions Options { get; } = options;

    public static IReadOnlyList<CaptureInterface> ListInterfaces()
    {
        try
        {
            return LibPcapLiveDeviceList.New().Select(d => new CaptureInterface(
                d.Name,
                d.Description,
                d.Addresses.Select(a => a.Addr?.ipAddress?.ToString()).OfType<string>().ToList(),
                ReadLinkType(d),
                d.Loopback)).ToList();
        }
        catch (Exception e) when (LibPcapErrors.IsMissingLibrary(e))
        {
            throw new CaptureException(LibPcapErrors.Missing, e);
        }
    }

    private static string ReadLinkType(LibPcapLiveDevice device)
    {
        try
        {
            device.Open(new DeviceConfiguration { Snaplen = 64, ReadTimeout = 10 });
            try { return device.LinkType.ToString(); }
            finally { device.Close(); }
        }
        catch (PcapException)
        {
            return "unknown (cannot open: down or no permission)";
        }
    }

    /// <summary>
    /// Captures until cancelled, the duration passes or the packet count is reached. Throws
    /// <see cref="CaptureException"/> with a one-line message when the capture cannot start.
    /// </summary>
    public LiveCaptureStatus Run(IFrameConsumer consumer, Action<long> tick, Action<LiveCaptureStatus>? status, CancellationToken cancel,
        Action? started = null)
    {
        var device = OpenDevice();
        var linkType = (LinkType)(int)device.LinkType;
        var queue = Channel.CreateBounded<Frame>(new BoundedChannelOptions(Options.QueueCapacity)
        {
            SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait,
        });
        long received = 0, queueDropped = 0, processed = 0;
        var pool = ArrayPool<byte>.Shared;

        void OnArrival(object sender, PacketCapture e)
        {
            Interlocked.Increment(ref received);
            var data = e.Data;
            var buffer = pool.Rent(Math.Max(data.Length, 1));
            data.CopyTo(buffer);
            var tv = e.Header.Timeval;
            if (!queue.Writer.TryWrite(new Frame(buffer, data.Length, (long)tv.Seconds * 1_000_000 + (long)tv.MicroSeconds)))
            {
                pool.Return(buffer);
                Interlocked.Increment(ref queueDropped);
            }
        }

        using var writer = PcapCopy.Open(Options.WritePcap, device.LinkType, Options.WritePcapMaxBytes);
        var clock = Stopwatch.StartNew();
        var lastTick = clock.Elapsed;
        var lastStatus = clock.Elapsed;
        device.OnPacketArrival += OnArrival;
        device.StartCapture();
        started?.Invoke();
        try
        {
            while (true)
            {
                while (queue.Reader.TryRead(out var frame))
                {
                    try
                    {
                        consumer.OnFrame(linkType, frame.TimestampUs, frame.Buffer.AsSpan(0, frame.Length), frame.Length);
                        writer?.Write(frame.Buffer.AsSpan(0, frame.Length), frame.TimestampUs);
                    }
                    finally
                    {
                        pool.Return(frame.Buffer);
                    }
                    if (++processed == Options.MaxPackets) break;
                }
                var now = clock.Elapsed;
                if (now - lastTick >= TickInterval)
                {
                    lastTick = now;
                    tick(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000);
                }
                if (status is not null && Options.StatusInterval is { } every && now - lastStatus >= every)
                {
                    lastStatus = now;
                    status(Snapshot(device, received, processed, queueDropped, writer));
                }
                if (cancel.IsCancellationRequested || processed == Options.MaxPackets || (Options.Duration is { } d && now >= d)) break;
                try
                {
                    queue.Reader.WaitToReadAsync(cancel).AsTask().Wait(TickInterval);
                }
                catch (AggregateException) when (cancel.IsCancellationRequested)
                {
                }
            }
        }
        finally
        {
            device.OnPacketArrival -= OnArrival;
            try { device.StopCapture(); } catch (PcapException) { }
        }
        // Frames already queued were captured: analyze them too, unless a packet count said to stop.
        while (processed != Options.MaxPackets && queue.Reader.TryRead(out var rest))
        {
            consumer.OnFrame(linkType, rest.TimestampUs, rest.Buffer.AsSpan(0, rest.Length), rest.Length);
            writer?.Write(rest.Buffer.AsSpan(0, rest.Length), rest.TimestampUs);
            pool.Return(rest.Buffer);
            processed++;
        }
        var final = Snapshot(device, received, processed, queueDropped, writer);
        device.Close();
        return final;
    }

    /// <summary>
    /// libpcap only says "syntax error": compile ever longer prefixes of the expression's words (parentheses closed),
    /// and name the word after the longest prefix that compiles (the error is there or, for an unfinished expression, at its end).
    /// </summary>
    private static string LocateFilterError(LibPcapLiveDevice device, string filter)
    {
        var words = filter.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int valid = 0;
        for (int n = 1; n <= words.Length; n++)
        {
            try
            {
                var prefix = string.Join(' ', words[..n]);
                // Close what the prefix opened, so "a and (b" is judged as "a and (b)".
                int open = prefix.Count(c => c == '(') - prefix.Count(c => c == ')');
                device.Filter = prefix + new string(')', Math.Max(0, open));
                valid = n;
            }
            catch (PcapException)
            {
            }
        }
        return valid < words.Length ? $" at word {valid + 1} ('{words[valid]}')" : "";
    }

    private static LiveCaptureStatus Snapshot(ICaptureDevice device, long received, long processed, long queueDropped, PcapCopy? writer)
    {
        long kernel = 0, iface = 0;
        try
        {
            if (device.Statistics is not { } s) return new LiveCaptureStatus(Interlocked.Read(ref received), processed, 0, 0,
                Interlocked.Read(ref queueDropped), writer?.BytesWritten ?? 0, writer?.CapReached ?? false);
            kernel = s.DroppedPackets;
            iface = s.InterfaceDroppedPackets;
        }
        catch (PcapException)
        {
        }
        return new LiveCaptureStatus(Interlocked.Read(ref received), processed, kernel, iface, Interlocked.Read(ref queueDropped),
            writer?.BytesWritten ?? 0, writer?.CapReached ?? false);
    }

    private LibPcapLiveDevice OpenDevice()
    {
        List<LibPcapLiveDevice> devices;
        try
        {
            devices = LibPcapLiveDeviceList.New().ToList();
        }
        catch (Exception e) when (LibPcapErrors.IsMissingLibrary(e))
        {
            throw new CaptureException(LibPcapErrors.Missing, e);
        }
        var device = devices.FirstOrDefault(d => d.Name == Options.Interface)
            ?? throw new CaptureException(LiveCaptureErrors.UnknownInterface(Options.Interface, devices.Select(d => d.Name)));
        try
        {
            device.Open(new DeviceConfiguration
            {
                Mode = DeviceModes.Promiscuous,
                Snaplen = Options.SnapLength,
                ReadTimeout = 100,
                BufferSize = Options.KernelBufferBytes,
                // Not immediate mode: libpcap then uses TPACKET_V3, whose blocks pack small frames densely; immediate mode
                // uses fixed snaplen-sized slots, about a thousand in 64 MB, and bursts overflow them. Latency stays
                // bounded by ReadTimeout.
                Immediate = false,
            });
        }
        catch (PcapException e)
        {
            throw new CaptureException(LiveCaptureErrors.IsPermission(e)
                ? LiveCaptureErrors.NoPermission(Options.Interface)
                : $"cannot capture on {Options.Interface}: {LibPcapErrors.OneLine(e.Message)}", e);
        }
        try
        {
            device.Filter = Options.Filter;
        }
        catch (PcapException e)
        {
            string where = LocateFilterError(device, Options.Filter);
            device.Close();
            throw new CaptureException(LiveCaptureErrors.BadFilter(Options.Filter, LiveCaptureErrors.FilterDetail(e) + where), e);
        }
        return device;
    }
}
