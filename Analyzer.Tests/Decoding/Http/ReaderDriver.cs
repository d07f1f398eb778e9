using System.Text;
using Analyzer.Decoding.Http;
using Analyzer.Events;
using Analyzer.Reassembly;

namespace Analyzer.Tests.Decoding.Http;

/// <summary>Feeds a reader the way the reassembler does: unconsumed bytes are offered again with the next ones.</summary>
internal sealed class ReaderDriver
{
    private readonly List<byte> _pending = [];

    public ReaderDriver(HttpStreamLimits? limits = null, bool midStream = false)
    {
        Reader = new HttpMessageReader(Owner, StreamDirection.FromOriginator, new HttpHead(), limits ?? new HttpStreamLimits(), midStream);
    }

    public RecordingOwner Owner { get; } = new();
    public HttpMessageReader Reader { get; }
    public EventList Sink { get; } = new();
    public int Pending => _pending.Count;

    public void Feed(byte[] data)
    {
        _pending.AddRange(data);
        var buffer = _pending.ToArray();
        int consumed = Reader.Read(buffer, default, Sink);
        Assert.InRange(consumed, 0, buffer.Length);
        _pending.RemoveRange(0, consumed);
    }

    public void Feed(string text) => Feed(Encoding.Latin1.GetBytes(text));

    public void Gap(long missing)
    {
        _pending.Clear();
        Reader.OnGap(missing, default, Sink);
    }

    public void End() => Reader.OnEnd(default, Sink);
}
