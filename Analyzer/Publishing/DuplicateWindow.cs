using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Analyzer.Publishing;

/// <summary>
/// The identities of the records seen most recently, to recognise duplicates: (sensor, type, capture key, index) for
/// an offline run's records, (sensor, sequence) otherwise. Each identity is kept as a 128-bit digest, so the memory
/// is fixed per identity whatever the lengths of sensor ids and capture keys: 67 bytes with the set's and the queue's
/// overhead, 64 MB at the default capacity, and about 1 µs of CPU per entry (measured on 1.2 M entries, loaded machine). Bounded: past the capacity the oldest identities are
/// forgotten. Duplicates come from a batch sent again after a failure, which follows its first copy closely, and
/// from an offline run started again, which follows it by up to one run's records.
/// </summary>
public sealed class DuplicateWindow(int capacity)
{
    public const int DefaultCapacity = 1_000_000;
    private const int MaxIdentityBytes = 4 * PublisherOptions.MaxSensorIdLength + RecordKey.MaxCaptureLength + 32;

    private readonly HashSet<Int128> _seen = [];
    private readonly Queue<Int128> _order = new();

    public int Count => _seen.Count;

    /// <summary>True the first time a well-formed entry's identity is seen, false for a duplicate.</summary>
    public bool TryAdd(BrokerEntry entry)
    {
        var id = Identity(entry.SensorId!, entry.Type, entry.Key, entry.Sequence);
        if (!_seen.Add(id)) return false;
        _order.Enqueue(id);
        if (_order.Count > capacity) _seen.Remove(_order.Dequeue());
        return true;
    }

    /// <summary>
    /// The digest of a record's identity. A keyed record's index counts within its type (each type is numbered apart
    /// in a capture); a sequence is the sensor's across all types, so it identifies a record without the type.
    /// </summary>
    public static Int128 Identity(string sensor, RecordType type, RecordKey? key, long sequence)
    {
        Span<byte> buffer = stackalloc byte[MaxIdentityBytes];
        int at = 0;
        buffer[at++] = key is null ? (byte)0 : (byte)type;
        at += Encoding.UTF8.GetBytes(sensor.AsSpan(0, Math.Min(sensor.Length, PublisherOptions.MaxSensorIdLength)), buffer[at..]);
        buffer[at++] = 0;
        if (key is { } k)
        {
            at += Encoding.ASCII.GetBytes(k.Capture, buffer[at..]);
            buffer[at++] = 0;
        }
        BinaryPrimitives.WriteInt64LittleEndian(buffer[at..], key?.Index ?? sequence);
        at += 8;
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(buffer[..at], digest);
        return new Int128(BinaryPrimitives.ReadUInt64LittleEndian(digest), BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]));
    }
}
