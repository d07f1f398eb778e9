namespace Analyzer.Reassembly;

/// <summary>The bytes held by all connections of one reassembler, kept current by every buffer change.</summary>
internal sealed class HeldByteCount
{
    public long Total;
}
