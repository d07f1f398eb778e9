using System.Globalization;

namespace Analyzer.Publishing;

/// <summary>
/// The local spool: records wait here, in append-only segment files, until the broker has them. Bounded by a cap in
/// bytes: when a record would not fit, the oldest events and flows are dropped (counted per type); alerts, devices
/// and mappings never are, and only when nothing droppable is left is a new record refused (counted as lost). The
/// highest acknowledged sequence is kept in a file beside the segments, so a restart resumes after it.
/// Thread-safe: one thread appends while another reads and acknowledges.
/// </summary>
public sealed class RecordSpool : IDisposable
{
    /// <summary>Segments are a sixteenth of the cap, so compaction moves little at a time, within these bounds.</summary>
    public const long MinSegmentBytes = 16 * 1024;
    public const long MaxSegmentBytes = 64L * 1024 * 1024;
    private const string AckFileName = "acked";
    private const string LockFileName = "spool.lock";
    private const int ReadBufferBytes = 64 * 1024;

    private readonly object _lock = new();
    private readonly string _directory;
    private readonly long _capBytes;
    private readonly long _segmentBytes;
    private readonly bool _sync;
    private readonly FileStream _lockFile;
    private readonly List<SpoolSegment> _segments = [];
    private readonly long[] _dropped = new long[RecordTypes.All.Count + 1];
    private readonly long[] _lost = new long[RecordTypes.All.Count + 1];
    private FileStream? _writer;
    private long _nextSegmentId = 1;
    private long _bytes;
    private long _pending;
    private long _acked;
    private long _lastSequence;
    private (long SegmentId, int Generation, long Offset) _cursor;
    private (long Sequence, long SegmentId, int Generation, long Offset) _readEnd = (-1, 0, 0, 0);
    private bool _disposed;

    private RecordSpool(string directory, long capBytes, bool sync, FileStream lockFile)
    {
        _directory = directory;
        _capBytes = capBytes;
        _segmentBytes = Math.Clamp(capBytes / 16, MinSegmentBytes, MaxSegmentBytes);
        _sync = sync;
        _lockFile = lockFile;
    }

    /// <summary>
    /// Opens (or creates) a spool directory. Throws <see cref="IOException"/> with a one-line message when the
    /// directory cannot be created or another publisher holds it.
    /// </summary>
    public static RecordSpool Open(string directory, long capBytes, bool syncWrites = false)
    {
        var full = Path.GetFullPath(directory);
        try { System.IO.Directory.CreateDirectory(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"spool directory {directory}: cannot create: {e.Message}", e);
        }
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(full, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"spool directory {directory} is in use by another publisher or not writable ({e.Message})", e);
        }
        var spool = new RecordSpool(full, capBytes, syncWrites, lockFile);
        try { spool.Load(); }
        catch { spool.Dispose(); throw; }
        return spool;
    }

    public string Directory => _directory;
    public long CapBytes => _capBytes;

    /// <summary>The highest sequence the broker has acknowledged (or that was dropped before it got there).</summary>
    public long AcknowledgedSequence { get { lock (_lock) return _acked; } }

    /// <summary>The highest sequence ever spooled or acknowledged: the next record takes the one after it.</summary>
    public long LastSequence { get { lock (_lock) return _lastSequence; } }

    public long Bytes { get { lock (_lock) return _bytes; } }

    /// <summary>Records spooled and not yet acknowledged.</summary>
    public long PendingRecords { get { lock (_lock) return _pending; } }

    /// <summary>Records of this type dropped to make room (events and flows only).</summary>
    public long Dropped(RecordType type) { lock (_lock) return _dropped[(int)type]; }

    /// <summary>Records of this type refused because the spool was full of records that are never dropped.</summary>
    public long Lost(RecordType type) { lock (_lock) return _lost[(int)type]; }

    /// <summary>Damaged records found at open (a torn write at a crash) and cut off.</summary>
    public long DamagedSegments { get; private set; }

    /// <summary>Writes records, in order, making room as the cap requires; returns how many were kept.</summary>
    public int Append(IReadOnlyList<SpooledRecord> records)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            int kept = 0;
            foreach (var record in records)
            {
                long size = SpoolFrame.SizeOf(record);
                if (_bytes + size > _capBytes && !MakeRoom(size))
                {
                    if (record.Type.IsDroppable()) _dropped[(int)record.Type]++;
                    else _lost[(int)record.Type]++;
                    _lastSequence = Math.Max(_lastSequence, record.Sequence);
                    continue;
                }
                var segment = ActiveSegment();
                SpoolFrame.Write(_writer!, record);
                segment.Add(record, size);
                _bytes += size;
                _pending++;
                _lastSequence = Math.Max(_lastSequence, record.Sequence);
                kept++;
                if (segment.Length >= _segmentBytes) CloseWriter();
            }
            FlushWriter();
            return kept;
        }
    }

    /// <summary>The oldest unacknowledged records, in order, at most <paramref name="max"/>; empty when none wait.</summary>
    public IReadOnlyList<SpooledRecord> ReadPending(int max)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var result = new List<SpooledRecord>(Math.Min(max, 1024));
            foreach (var segment in _segments)
            {
                if (segment.Id < _cursor.SegmentId || segment.LastSequence <= _acked) continue;
                long offset = segment.Id == _cursor.SegmentId && segment.Generation == _cursor.Generation ? _cursor.Offset : 0;
                using var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, ReadBufferBytes);
                stream.Position = offset;
                while (result.Count < max && SpoolFrame.TryRead(stream, segment.Length, out var record, out _))
                {
                    if (record.Sequence <= _acked) continue;
                    result.Add(record);
                    _readEnd = (record.Sequence, segment.Id, segment.Generation, stream.Position);
                }
                if (result.Count >= max) break;
            }
            return result;
        }
    }

    /// <summary>Records that the broker holds every record up to <paramref name="sequence"/>; frees what it can.</summary>
    public void Acknowledge(long sequence, int count)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (sequence <= _acked) return;
            _acked = sequence;
            _pending = Math.Max(0, _pending - count);
            if (_readEnd.Sequence == sequence) _cursor = (_readEnd.SegmentId, _readEnd.Generation, _readEnd.Offset);
            for (int i = 0; i < _segments.Count && _segments[i].LastSequence <= _acked;)
            {
                var segment = _segments[i];
                if (_writer is not null && segment == _segments[^1]) CloseWriter();
                DeleteSegment(segment);
            }
            WriteAck();
        }
    }

    private SpoolSegment ActiveSegment()
    {
        if (_writer is not null) return _segments[^1];
        long id = _nextSegmentId++;
        var segment = new SpoolSegment(id, Path.Combine(_directory, SpoolSegment.FileName(id)));
        _writer = new FileStream(segment.Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, ReadBufferBytes);
        _segments.Add(segment);
        return segment;
    }

    private void FlushWriter()
    {
        if (_writer is null) return;
        _writer.Flush(_sync);
    }

    private void CloseWriter()
    {
        if (_writer is null) return;
        _writer.Flush(_sync);
        _writer.Dispose();
        _writer = null;
    }

    /// <summary>Compacts segments, oldest first, until <paramref name="size"/> more bytes fit under the cap.</summary>
    private bool MakeRoom(long size)
    {
        for (int i = 0; i < _segments.Count && _bytes + size > _capBytes;)
        {
            var segment = _segments[i];
            if (segment.DroppableCount == 0 && segment.FirstSequence > _acked) { i++; continue; }
            if (_writer is not null && segment == _segments[^1]) CloseWriter();
            if (Compact(segment)) i++;
        }
        return _bytes + size <= _capBytes;
    }

    /// <summary>Rewrites a segment without its events, flows and acknowledged records; false when it became empty
    /// and was deleted.</summary>
    private bool Compact(SpoolSegment segment)
    {
        var kept = new List<SpooledRecord>(segment.Count);
        using (var input = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, ReadBufferBytes))
        {
            while (SpoolFrame.TryRead(input, segment.Length, out var record, out _))
            {
                if (record.Sequence <= _acked) continue;
                // Records read for the send under way stay: dropping them now would count as lost what the broker gets.
                if (record.Type.IsDroppable() && record.Sequence > _readEnd.Sequence)
                {
                    _dropped[(int)record.Type]++;
                    _pending--;
                    continue;
                }
                kept.Add(record);
            }
        }
        if (kept.Count == 0)
        {
            DeleteSegment(segment);
            return false;
        }
        var temp = segment.Path + ".tmp";
        long length = 0;
        using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, ReadBufferBytes))
        {
            foreach (var record in kept) SpoolFrame.Write(output, record);
            output.Flush(_sync);
            length = output.Length;
        }
        File.Move(temp, segment.Path, overwrite: true);
        _bytes += length - segment.Length;
        segment.Length = 0;
        segment.Count = 0;
        segment.DroppableCount = 0;
        foreach (var record in kept) segment.Add(record, 0);
        segment.Length = length;
        segment.Generation++;
        return true;
    }

    private void DeleteSegment(SpoolSegment segment)
    {
        File.Delete(segment.Path);
        _segments.Remove(segment);
        _bytes -= segment.Length;
    }

    private void WriteAck()
    {
        var path = Path.Combine(_directory, AckFileName);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.ASCII.GetBytes(_acked.ToString(CultureInfo.InvariantCulture) + "\n"));
            stream.Flush(_sync);
        }
        File.Move(temp, path, overwrite: true);
    }

    private void Load()
    {
        foreach (var temp in System.IO.Directory.EnumerateFiles(_directory, "*.tmp")) File.Delete(temp);
        var ackPath = Path.Combine(_directory, AckFileName);
        bool known = false;
        if (File.Exists(ackPath)
            && long.TryParse(File.ReadAllText(ackPath).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var acked))
        {
            _acked = acked;
            known = true;
        }
        var files = System.IO.Directory.EnumerateFiles(_directory, "*.seg")
            .Select(p => (Path: p, Id: long.TryParse(Path.GetFileNameWithoutExtension(p), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1))
            .Where(f => f.Id > 0)
            .OrderBy(f => f.Id);
        foreach (var (path, id) in files)
        {
            var segment = new SpoolSegment(id, path);
            long good = 0;
            bool damaged;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, ReadBufferBytes))
            {
                long fileLength = stream.Length;
                while (SpoolFrame.TryRead(stream, fileLength, out var record, out damaged))
                {
                    good = stream.Position;
                    segment.Add(record, SpoolFrame.SizeOf(record));
                    if (record.Sequence > _acked) _pending++;
                }
                if (good < fileLength)
                {
                    DamagedSegments++;
                    stream.SetLength(good);
                }
            }
            _nextSegmentId = Math.Max(_nextSegmentId, id + 1);
            if (segment.Count == 0 || segment.LastSequence <= _acked)
            {
                File.Delete(path);
                continue;
            }
            _segments.Add(segment);
            _bytes += segment.Length;
            _lastSequence = Math.Max(_lastSequence, segment.LastSequence);
            known = true;
        }
        _lastSequence = Math.Max(_lastSequence, _acked);
        if (!known)
        {
            // A new spool starts its sequence at the clock in microseconds, so a sensor whose spool directory was
            // wiped still numbers its records above everything it sent before and de-duplication never drops them.
            _lastSequence = _acked = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
            WriteAck();
        }
        if (_segments.Count > 0) _cursor = (_segments[0].Id, _segments[0].Generation, 0);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            CloseWriter();
            _lockFile.Dispose();
        }
    }
}
