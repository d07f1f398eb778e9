namespace Analyzer.Publishing;

/// <summary>What the spool knows of one segment file without reading it again.</summary>
internal sealed class SpoolSegment(long id, string path)
{
    public long Id { get; } = id;
    public string Path { get; } = path;
    /// <summary>Bytes of whole records; readers stop here even while the writer appends.</summary>
    public long Length { get; set; }
    public int Count { get; set; }
    public long FirstSequence { get; set; }
    public long LastSequence { get; set; }
    /// <summary>Events and flows in the segment: zero means compacting it frees nothing but acknowledged records.</summary>
    public int DroppableCount { get; set; }
    /// <summary>Bumped when the file is rewritten, so a read position into the old file is not reused.</summary>
    public int Generation { get; set; }

    public void Add(in SpooledRecord record, long frameBytes)
    {
        if (Count == 0) FirstSequence = record.Sequence;
        LastSequence = record.Sequence;
        Count++;
        Length += frameBytes;
        if (record.Type.IsDroppable()) DroppableCount++;
    }

    public static string FileName(long id) => id.ToString("D12", System.Globalization.CultureInfo.InvariantCulture) + ".seg";
}
