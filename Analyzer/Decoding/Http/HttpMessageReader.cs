using System.Buffers;
using Analyzer.Events;
using Analyzer.Reassembly;

namespace Analyzer.Decoding.Http;

/// <summary>
/// The HTTP/1.x message framing of one direction of a connection (RFC 9112 §6): head, then a body by
/// Content-Length, by chunks, or until the connection closes. A resumable state machine fed the in-order bytes of
/// the direction under the consumed/examined contract: <see cref="Read"/> consumes what it has fully used and leaves
/// an incomplete head or chunk line for the next call, remembering how far it already searched.
/// </summary>
/// <remarks>
/// A direction that starts (after a handshake) with bytes that are not an HTTP start line is not HTTP: the reader
/// says so at once. After a gap, a malformed message or a pickup in the middle of a stream, it resynchronizes at the
/// next line that starts a message, within <see cref="HttpStreamLimits.ResyncBudgetBytes"/>. A direction picked up in
/// the middle whose first bytes (<see cref="HttpStreamLimits.PickupCheckBytes"/>, before any message start) hold control
/// bytes, which neither an HTTP head nor a UPnP-family body carries (TLS, SSH, compressed or random data), is set
/// aside when its owner agrees (<see cref="IHttpMessageOwner.SetAside"/>): its bytes are dropped unread until the
/// owner resumes it (<see cref="Resume"/>), because the other direction framed a message.
/// </remarks>
internal sealed class HttpMessageReader
{
    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';

    private enum State : byte { Idle, Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, BodyUntilClose, Resync, SetAside, Done }

    /// <summary>C0 controls but TAB, LF and CR, and DEL: bytes that text (an HTTP head, XML, JSON) does not hold.</summary>
    private static readonly SearchValues<byte> NotText = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127]);

    private readonly IHttpMessageOwner _owner;
    private readonly StreamDirection _direction;
    private readonly HttpHead _head;
    private readonly HttpStreamLimits _limits;
    private readonly bool _midStream;
    private State _state;
    private int _examined;
    private long _remaining;
    private int _trailerBytes;
    private HttpMessage? _message;
    private bool _synced;
    private bool _upgradeAfter;
    private bool _resyncAtLineStart;
    private long _resyncScanned;
    /// <summary>Bytes of a pickup in the middle still to check for control bytes, before its first message start.</summary>
    private int _pickupUnchecked;

    public HttpMessageReader(IHttpMessageOwner owner, StreamDirection direction, HttpHead head, HttpStreamLimits limits, bool midStream)
    {
        _owner = owner;
        _direction = direction;
        _head = head;
        _limits = limits;
        _midStream = midStream;
        _pickupUnchecked = midStream ? limits.PickupCheckBytes : 0;
    }

    /// <summary>Memory held for the message being collected.</summary>
    public long HeldBytes => _message?.HeldBytes ?? 0;

    /// <summary>No more bytes will be read: the direction is not HTTP, or stopped speaking it.</summary>
    public bool IsDone => _state == State.Done;

    /// <summary>Picked up in the middle of binary bytes: the bytes are dropped until <see cref="Resume"/>.</summary>
    public bool IsSetAside => _state == State.SetAside;

    /// <summary>A message head was framed in this direction.</summary>
    public bool SpeaksHttp => _synced;

    /// <summary>The other direction framed a message: a direction set aside looks for a message start again.</summary>
    public void Resume()
    {
        if (_state != State.SetAside) return;
        _state = State.Idle;
        _resyncScanned = 0;
    }

    /// <summary>Reads what it can of <paramref name="data"/>; returns the number of bytes consumed.</summary>
    /// <remarks>
    /// One method per state, each reading from <paramref name="data"/> at <c>pos</c>: it returns true to go on with the
    /// state it leaves, false to return <c>pos</c> (what it set pos to: unchanged to wait for more bytes, the whole
    /// input when the rest is consumed).
    /// </remarks>
    public int Read(ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink)
    {
        int pos = 0;
        while (pos < data.Length)
        {
            bool more = _state switch
            {
                State.Idle => ReadIdle(data, ref pos, packet, sink),
                State.Head => ReadHead(data, ref pos, packet, sink),
                State.Body or State.ChunkData => ReadBody(data, ref pos, packet, sink),
                State.ChunkSize => ReadChunkSize(data, ref pos, packet, sink),
                State.ChunkDataEnd => ReadChunkDataEnd(data, ref pos, packet, sink),
                State.Trailers => ReadTrailers(data, ref pos, packet, sink),
                State.BodyUntilClose => ReadBodyUntilClose(data, ref pos, packet, sink),
                State.Resync => ReadResync(data, ref pos, packet, sink),
                _ => ConsumeAll(data, ref pos),
            };
            if (!more) break;
        }
        return pos;
    }

    private bool ReadIdle(ReadOnlySpan<byte> data, ref int pos, in PacketInfo packet, IEventSink sink)
    {
        var rest = data[pos..];
        // Empty lines between messages are tolerated (RFC 9112 §2.2).
        int skip = rest.IndexOfAnyExcept(CR, LF);
        if (skip < 0) return ConsumeAll(data, ref pos);
        if (skip > 0)
        {
            pos += skip;
            return true;
        }
        var probe = HttpStartProbe.Probe(rest);
        if (probe == HttpStartProbe.Result.NeedMore) return false;
        if (probe == HttpStartProbe.Result.Yes)
        {
            _state = State.Head;
            _examined = 0;
            _pickupUnchecked = 0;
            return true;
        }
        if (!_synced && !_midStream)
        {
            GiveUp();
            return ConsumeAll(data, ref pos);
        }
        if (_synced) Anomaly(sink, packet, HttpAnomalyIds.BadStartLine, AnomalyText.Escape(FirstLine(rest)));
        EnterResync(atLineStart: false);
        return true;
    }

    private bool ReadHead(ReadOnlySpan<byte> data, ref int pos, in PacketInfo packet, IEventSink sink)
    {
        var rest = data[pos..];
        int end = FindHeadEnd(rest);
        if (end < 0)
        {
            if (rest.Length <= HttpHead.MaxHeadBytes)
            {
                _examined = rest.Length;
                return false;
            }
            Anomaly(sink, packet, HttpAnomalyIds.HeadTooLong,
                $"no end of head within {HttpHead.MaxHeadBytes} bytes: {AnomalyText.Escape(FirstLine(rest))}");
            EnterResync(atLineStart: false);
            return true;
        }
        if (_head.Parse(rest[..end]) != ParseStatus.Ok)
        {
            if (!_synced && !_midStream)
            {
                GiveUp();
                return ConsumeAll(data, ref pos);
            }
            string id = _head.AnomalyId ?? HttpAnomalyIds.BadStartLine;
            string detail = id == HttpAnomalyIds.HeadTooLong
                ? $"head of {end} bytes over {HttpHead.MaxHeadBytes}"
                : AnomalyText.Escape(FirstLine(rest));
            Anomaly(sink, packet, id, detail);
            EnterResync(atLineStart: false);
            return true;
        }
        _synced = true;
        _resyncScanned = 0;
        BeginBody(rest[..end], packet, sink);
        pos += end;
        return true;
    }

    /// <summary>A body of known length, or the data of one chunk.</summary>
    private bool ReadBody(ReadOnlySpan<byte> data, ref int pos, in PacketInfo packet, IEventSink sink)
    {
        int n = (int)Math.Min(_remaining, data.Length - pos);
        AppendBody(data.Slice(pos, n), packet, sink);
        _remaining -= n;
        pos += n;
        if (_remaining == 0)
        {
            if (_state == State.Body) Complete(packet, sink);
            else _state = State.ChunkDataEnd;
        }
        return true;
    }

    private bool ReadChunkSize(ReadOnlySpan<byte> data, ref int pos, in PacketInfo packet, IEventSink sink)
    {
        var rest = data[pos..];
        int lf = rest.IndexOf(LF);
        if (lf < 0 && rest.Length <= HttpStreamLimits.MaxChunkLineBytes) return false;
        if (lf < 0 || lf > HttpStreamLimits.MaxChunkLineBytes)
        {
            BadChunk(packet, sink, "chunk-size line over " + HttpStreamLimits.MaxChunkLineBytes + " bytes");
            return true;
        }
        if (!ChunkSizeLine.TryParse(rest[..lf], out long size))
        {
            BadChunk(packet, sink, "chunk-size line " + AnomalyText.Escape(rest[..lf]));
            return true;
        }
        pos += lf + 1;
        if (size > int.MaxValue && (_message is null || _message.LargestChunk <= int.MaxValue))
            Anomaly(sink, packet, HttpAnomalyIds.ChunkTooLarge, "chunk size " + AnomalyText.Escape(rest[..lf]));
        if (_message is not null) _message.LargestChunk = Math.Max(_message.LargestChunk, size);
        if (size == 0)
        {
            _state = State.Trailers;
            _trailerBytes = 0;
        }
        else
        {
            _state = State.ChunkData;
            _remaining = size;
        }
        return true;
    }

    /// <summary>The line end after a chunk's data.</summary>
    private bool ReadChunkDataEnd(ReadOnlySpan<byte> data, ref int pos, in PacketInfo packet, IEventSink sink)
    {
        var rest = data[pos..];
        if (rest[0] == LF)
        {
            pos += 1;
            _state = State.ChunkSize;
            return true;
        }
        if (rest[0] == CR)
        {
            if (rest.Length < 2) return false;
            if (rest[1] == LF)
            {
                pos += 2;
                _state = State.ChunkSize;
                return true;
            }
        }
        BadChunk(packet, sink, "chunk data not followed by CRLF");
        return true;
    }

    /// <summary>The trailer lines after the last chunk, up to the empty line that ends the message.</summary>
    private bool ReadTrailers(ReadOnlySpan<byte> data, ref int pos, in PacketInfo packet, IEventSink sink)
    {
        var rest = data[pos..];
        int lf = rest.IndexOf(LF);
        if (lf < 0)
        {
            if (_trailerBytes + rest.Length <= HttpHead.MaxHeadBytes) return false;
            BadChunk(packet, sink, "trailer section over " + HttpHead.MaxHeadBytes + " bytes");
            return true;
        }
        pos += lf + 1;
        _trailerBytes += lf + 1;
        if (lf == 0 || (lf == 1 && rest[0] == CR)) Complete(packet, sink);
        return true;
    }

    private bool ReadBodyUntilClose(ReadOnlySpan<byte> data, ref int pos, in PacketInfo packet, IEventSink sink)
    {
        AppendBody(data[pos..], packet, sink);
        return ConsumeAll(data, ref pos);
    }

    /// <summary>Looks for the next line that starts a message, within the resync budget.</summary>
    private bool ReadResync(ReadOnlySpan<byte> data, ref int pos, in PacketInfo packet, IEventSink sink)
    {
        var rest = data[pos..];
        if (_pickupUnchecked > 0 && PickupIsBinary(rest)) return ConsumeAll(data, ref pos);
        int start = _resyncAtLineStart ? 0 : NextLine(rest, 0);
        while (start >= 0 && start < rest.Length)
        {
            var probe = HttpStartProbe.Probe(rest[start..]);
            if (probe == HttpStartProbe.Result.Yes)
            {
                _resyncScanned += start;
                _pickupUnchecked = 0;
                _state = State.Idle;
                pos += start;
                return true;
            }
            if (probe == HttpStartProbe.Result.NeedMore)
            {
                // Too few bytes to tell: keep this line start for the next call.
                _resyncScanned += start;
                _resyncAtLineStart = true;
                if (!CheckResyncBudget(packet, sink)) return ConsumeAll(data, ref pos);
                pos += start;
                return false;
            }
            start = NextLine(rest, start);
        }
        _resyncAtLineStart = rest[^1] == LF;
        _resyncScanned += rest.Length;
        CheckResyncBudget(packet, sink);
        return ConsumeAll(data, ref pos);
    }

    /// <summary>
    /// Checks the first bytes of a pickup in the middle for control bytes; true when the direction was set aside.
    /// Bytes offered again after a call that left them unconsumed are checked again, which only narrows the window.
    /// </summary>
    private bool PickupIsBinary(ReadOnlySpan<byte> rest)
    {
        var window = rest.Length > _pickupUnchecked ? rest[.._pickupUnchecked] : rest;
        if (window.IndexOfAny(NotText) < 0)
        {
            _pickupUnchecked -= window.Length;
            return false;
        }
        _pickupUnchecked = 0;
        if (!_owner.SetAside(_direction)) return false;
        _state = State.SetAside;
        return true;
    }

    /// <summary>Everything read: <see cref="Read"/> returns the whole input as consumed.</summary>
    private static bool ConsumeAll(ReadOnlySpan<byte> data, ref int pos)
    {
        pos = data.Length;
        return false;
    }

    /// <summary>Bytes of this direction that will never arrive.</summary>
    public void OnGap(long missing, in PacketInfo packet, IEventSink sink)
    {
        switch (_state)
        {
            case State.Done or State.SetAside:
                return;
            case State.Body or State.ChunkData when missing > 0 && missing <= _remaining:
                // The hole is inside a body of known length: framing survives, the body has a hole.
                _message?.MarkMissing(missing);
                _remaining -= missing;
                if (_remaining == 0)
                {
                    if (_state == State.Body) Complete(packet, sink);
                    else _state = State.ChunkDataEnd;
                }
                return;
            case State.BodyUntilClose:
                _message?.MarkMissing(missing);
                return;
            case State.Body or State.ChunkData or State.ChunkSize or State.ChunkDataEnd or State.Trailers:
                if (_message is not null)
                {
                    _message.MarkMissing(_state is State.Body or State.ChunkData ? _remaining : 0);
                    _message.Incomplete = true;
                }
                Complete(packet, sink);
                break;
        }
        if (_state != State.Done) EnterResync(atLineStart: true);
    }

    /// <summary>The direction ended: a body read until close is complete; a message cut short is delivered as such.</summary>
    public void OnEnd(in PacketInfo packet, IEventSink sink)
    {
        switch (_state)
        {
            case State.BodyUntilClose:
                Complete(packet, sink);
                break;
            case State.Body or State.ChunkSize or State.ChunkData or State.ChunkDataEnd or State.Trailers:
                // Only a message a decoder reads is worth reporting: downloads cut by the end of a capture are not.
                if (_message is not null)
                {
                    Anomaly(sink, packet, HttpAnomalyIds.Truncated,
                        _state == State.Body ? $"stream ended {_remaining} bytes before the end of the body" : "stream ended inside a chunked body");
                    _message.Incomplete = true;
                }
                Complete(packet, sink);
                break;
        }
        _state = State.Done;
    }

    private void BeginBody(ReadOnlySpan<byte> head, in PacketInfo packet, IEventSink sink)
    {
        bool isRequest = _head.Kind == HttpStartLine.Request;
        var framing = HttpFraming.Read(head, _head);
        if (framing.BadContentLength)
            Anomaly(sink, packet, HttpAnomalyIds.BadContentLength, AnomalyText.Escape(framing.BadValue));
        _message = _owner.OnHead(_direction, head, _head, out bool noBody, out _upgradeAfter);
        if (_message is not null) _message.Chunked = framing.Chunked;

        if (noBody) Complete(packet, sink);
        else if (framing.Chunked) _state = State.ChunkSize;
        else if (framing.ContentLength > 0)
        {
            _state = State.Body;
            _remaining = framing.ContentLength;
        }
        else if (framing.BadContentLength)
        {
            // The body's end is unknown: deliver the head, then look for the next message.
            if (isRequest)
            {
                Complete(packet, sink);
                if (_state == State.Idle) EnterResync(atLineStart: true);
            }
            else _state = State.BodyUntilClose;
        }
        else if (framing.ContentLength == 0 || isRequest) Complete(packet, sink);
        else _state = State.BodyUntilClose;
    }

    private void AppendBody(ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink)
    {
        if (_message is null || data.IsEmpty) return;
        bool wasTruncated = _message.BodyTruncated;
        _message.AppendBody(data, _limits.MaxBodyBytes);
        if (!wasTruncated && _message.BodyTruncated)
            Anomaly(sink, packet, HttpAnomalyIds.BodyTooLong,
                $"{_message.Method}{_message.StatusCode} body over {_limits.MaxBodyBytes} bytes; the rest is counted, not kept");
    }

    private void Complete(in PacketInfo packet, IEventSink sink)
    {
        var message = _message;
        _message = null;
        _state = State.Idle;
        if (message is not null)
        {
            try
            {
                _owner.OnMessage(_direction, message, packet, sink);
            }
            finally
            {
                message.ReleaseBody();
            }
        }
        if (_upgradeAfter)
        {
            _upgradeAfter = false;
            GiveUp();
        }
    }

    private void BadChunk(in PacketInfo packet, IEventSink sink, string detail)
    {
        Anomaly(sink, packet, HttpAnomalyIds.BadChunk, detail);
        if (_message is not null) _message.Incomplete = true;
        Complete(packet, sink);
        if (_state != State.Done) EnterResync(atLineStart: false);
    }

    private void EnterResync(bool atLineStart)
    {
        _state = State.Resync;
        _resyncAtLineStart = atLineStart;
    }

    /// <summary>False (and the stream given up) when the search for a message start has gone on too long.</summary>
    private bool CheckResyncBudget(in PacketInfo packet, IEventSink sink)
    {
        if (_resyncScanned <= _limits.ResyncBudgetBytes) return true;
        if (_synced) Anomaly(sink, packet, HttpAnomalyIds.LostSync, $"no message start within {_limits.ResyncBudgetBytes} bytes");
        GiveUp();
        return false;
    }

    private void GiveUp()
    {
        _state = State.Done;
        _message = null;
        _owner.OnNotHttp();
    }

    /// <summary>
    /// Index just past the empty line that ends the head, or -1. Starts a few bytes before where the last call
    /// stopped, so that a terminator split across calls is found without searching the head again.
    /// </summary>
    private int FindHeadEnd(ReadOnlySpan<byte> data)
    {
        int from = Math.Max(0, _examined - 3);
        while (true)
        {
            int i = data[from..].IndexOf(LF);
            if (i < 0) return -1;
            i += from;
            if (i + 1 < data.Length && data[i + 1] == LF) return i + 2;
            if (i + 2 < data.Length && data[i + 1] == CR && data[i + 2] == LF) return i + 3;
            from = i + 1;
        }
    }

    private static int NextLine(ReadOnlySpan<byte> data, int from)
    {
        int i = data[from..].IndexOf(LF);
        return i < 0 ? -1 : from + i + 1;
    }

    private static ReadOnlySpan<byte> FirstLine(ReadOnlySpan<byte> data)
    {
        int lf = data.IndexOf(LF);
        var line = lf < 0 ? data : data[..lf];
        return line.Length > AnomalyText.MaxDetailChars ? line[..AnomalyText.MaxDetailChars] : line;
    }

    private static void Anomaly(IEventSink sink, in PacketInfo packet, string id, string detail) =>
        sink.OnAnomaly(new DecodeAnomaly(packet, id, detail));
}
