namespace Analyzer.Generation.Packets;

/// <summary>What a real network does to TCP data that reassembly must cope with. Chosen per capture by the seed.</summary>
[Flags]
public enum TcpIrregularities : byte
{
    None = 0,

    /// <summary>Segments cut at arbitrary byte offsets, not only at the MSS (small writes, Nagle off, middleboxes).</summary>
    Split = 1,

    /// <summary>Two segments arrive swapped.</summary>
    Reorder = 2,

    /// <summary>A segment is sent again after the retransmission timeout, with the same bytes.</summary>
    Retransmit = 4,

    /// <summary>A segment starts a few bytes before the end of the previous one (same bytes in the overlap).</summary>
    Overlap = 8,

    All = Split | Reorder | Retransmit | Overlap,
}
