namespace Analyzer.Reassembly;

/// <summary>Bytes that arrived ahead of the next expected sequence number, held in a pooled array.</summary>
internal struct OutOfOrderSegment
{
    public uint Seq;
    public byte[] Buffer;
    public int Length;

    public readonly ReadOnlySpan<byte> Data => Buffer.AsSpan(0, Length);
    public readonly uint End => SequenceNumber.Add(Seq, Length);
}
