namespace Analyzer.Learning;

/// <summary>
/// What the extractor remembers of a host across its windows within one capture: that it was seen, and the device
/// UUIDs it advertised (for new-identity events).
/// </summary>
internal sealed class HostMemory
{
    /// <summary>UUIDs remembered per host; a device with its embedded devices has three or four.</summary>
    public const int MaxUuids = 16;

    private readonly HashSet<ulong> _uuids = [];
    private long? _firstAdvertWindow;

    /// <summary>
    /// Records a UUID the host advertised in window <paramref name="windowIndex"/>; true when it is an identity
    /// change: a UUID not seen before, after a window in which the host advertised others.
    /// </summary>
    public bool NoteUuid(ulong uuid, long windowIndex)
    {
        if (_uuids.Contains(uuid)) return false;
        if (_uuids.Count < MaxUuids) _uuids.Add(uuid);
        if (_firstAdvertWindow is not { } first)
        {
            _firstAdvertWindow = windowIndex;
            return false;
        }
        return windowIndex != first;
    }
}
