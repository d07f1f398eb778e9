using System.Text;
using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Events;
using Analyzer.Reassembly;

namespace Analyzer.Tests.Decoding.Http;

/// <summary>Keeps every message a reader frames, with its body as text, for parser tests.</summary>
internal sealed class RecordingOwner : IHttpMessageOwner
{
    public List<(HttpMessage Message, string Body)> Messages { get; } = [];
    public bool NotHttp { get; private set; }
    /// <summary>Responses are answers to HEAD: no body whatever the headers say.</summary>
    public bool AnswersHead { get; set; }

    public HttpMessage? OnHead(StreamDirection direction, ReadOnlySpan<byte> head, HttpHead parsed, out bool noBody, out bool upgrade)
    {
        noBody = parsed.Kind == HttpStartLine.Response &&
                 (AnswersHead || parsed.StatusCode is (>= 100 and < 200) or 204 or 304);
        upgrade = parsed.Kind == HttpStartLine.Response && parsed.StatusCode == 101;
        return new HttpMessage(head, parsed, HttpMessageKind.Other);
    }

    public void OnMessage(StreamDirection direction, HttpMessage message, in PacketInfo packet, IEventSink sink) =>
        Messages.Add((message, Encoding.Latin1.GetString(message.Body)));

    public void OnNotHttp() => NotHttp = true;
}

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
