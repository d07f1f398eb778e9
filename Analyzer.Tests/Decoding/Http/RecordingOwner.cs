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

    /// <summary>Whether a direction picked up in binary bytes may be set aside (as when the other side says nothing).</summary>
    public bool AllowsSetAside { get; set; } = true;
    public List<StreamDirection> SetAsideAsked { get; } = [];

    public bool SetAside(StreamDirection direction)
    {
        SetAsideAsked.Add(direction);
        return AllowsSetAside;
    }
}
