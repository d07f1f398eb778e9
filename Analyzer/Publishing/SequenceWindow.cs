namespace Analyzer.Publishing;

/// <summary>
/// The (sensor, sequence) pairs seen most recently, to recognise duplicates. Bounded: past the cap the oldest pairs
/// are forgotten. Duplicates come from a batch sent again after a failure, so they follow their first copy closely.
/// </summary>
public sealed class SequenceWindow(int capacity)
{
    public const int DefaultCapacity = 1_000_000;

    private readonly HashSet<(string Sensor, long Sequence)> _seen = [];
    private readonly Queue<(string Sensor, long Sequence)> _order = new();

    public int Count => _seen.Count;

    /// <summary>True the first time a pair is seen, false for a duplicate.</summary>
    public bool TryAdd(string sensor, long sequence)
    {
        var key = (sensor, sequence);
        if (!_seen.Add(key)) return false;
        _order.Enqueue(key);
        if (_order.Count > capacity) _seen.Remove(_order.Dequeue());
        return true;
    }
}
