using System.Text;
using Analyzer.Decoding;
using Analyzer.Events;
using Analyzer.Reassembly;

namespace Analyzer.Tests.Reassembly;

/// <summary>A stream consumer for tests: keeps every consumed byte per direction and what happened to the stream.</summary>
internal sealed class RecordingConsumer : ITcpStreamConsumer
{
    public enum Policy { All, WholeLines, Nothing, IgnoreUnlessHello }

    public Policy ConsumePolicy { get; set; } = Policy.All;
    public Dictionary<(long Stream, StreamDirection Direction), StringBuilder> Bytes { get; } = new();
    public List<(long Stream, StreamDirection Direction, long Missing)> Gaps { get; } = [];
    public List<(long Stream, StreamDirection Direction)> Ends { get; } = [];
    public List<long> Closed { get; } = [];
    public List<int> OfferedLengths { get; } = [];
    public List<bool> MidStream { get; } = [];

    public string Text(long stream, StreamDirection direction) =>
        Bytes.TryGetValue((stream, direction), out var sb) ? sb.ToString() : "";

    public int OnData(TcpStream stream, StreamDirection direction, ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink)
    {
        OfferedLengths.Add(data.Length);
        MidStream.Add(stream.Half(direction).MidStream);
        int take = ConsumePolicy switch
        {
            Policy.All => data.Length,
            Policy.WholeLines => data.LastIndexOf((byte)'\n') + 1,
            Policy.IgnoreUnlessHello when !data.StartsWith("hello"u8) => Ignore(stream, data.Length),
            Policy.IgnoreUnlessHello => data.Length,
            _ => 0,
        };
        if (stream.Ignored) return take;
        var key = (stream.Id, direction);
        if (!Bytes.TryGetValue(key, out var sb)) Bytes[key] = sb = new StringBuilder();
        sb.Append(Encoding.Latin1.GetString(data[..take]));
        return take;
    }

    private static int Ignore(TcpStream stream, int length)
    {
        stream.Ignore();
        return length;
    }

    public void OnGap(TcpStream stream, StreamDirection direction, long missingBytes, in PacketInfo packet, IEventSink sink)
    {
        Gaps.Add((stream.Id, direction, missingBytes));
        var key = (stream.Id, direction);
        if (!Bytes.TryGetValue(key, out var sb)) Bytes[key] = sb = new StringBuilder();
        sb.Append('|');
    }

    public void OnEnd(TcpStream stream, StreamDirection direction, in PacketInfo packet, IEventSink sink) =>
        Ends.Add((stream.Id, direction));

    public void OnClosed(TcpStream stream) => Closed.Add(stream.Id);
}
