using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Analyzer.Generation.Messages;

/// <summary>
/// DNS (RFC 1035) and multicast DNS (RFC 6762) messages for the background traffic: lookups at the router's
/// forwarder, and mDNS service discovery of Cast devices and speakers. Names are written uncompressed, which every
/// resolver accepts.
/// </summary>
/// <remarks>
/// <code>
/// header: id (16) | QR opcode AA TC RD RA Z rcode (16) | QDCOUNT | ANCOUNT | NSCOUNT | ARCOUNT
/// question: name | type (16) | class (16)        record: name | type | class | TTL (32) | RDLENGTH | RDATA
/// </code>
/// </remarks>
public static class DnsMessages
{
    public const ushort Port = 53;
    public const ushort MdnsPort = 5353;
    public const ushort TypeA = 1;
    public const ushort TypePtr = 12;
    public const ushort TypeTxt = 16;
    public const ushort TypeSrv = 33;
    public const ushort ClassIn = 1;
    /// <summary>mDNS cache-flush bit on the class of unique records (RFC 6762 §10.2).</summary>
    public const ushort CacheFlush = 0x8000;
    /// <summary>mDNS "unicast response requested" bit on a question's class (RFC 6762 §5.4).</summary>
    public const ushort UnicastResponse = 0x8000;

    public readonly record struct Record(string Name, ushort Type, ushort Class, uint Ttl, byte[] Data);

    public static Record A(string name, uint ttl, IPAddress address, ushort rrClass = ClassIn) =>
        new(name, TypeA, rrClass, ttl, address.GetAddressBytes());

    public static Record Ptr(string name, uint ttl, string target) => new(name, TypePtr, ClassIn, ttl, Name(target));

    public static Record Srv(string name, uint ttl, ushort port, string target, ushort rrClass = ClassIn)
    {
        byte[] targetName = Name(target);
        var data = new byte[6 + targetName.Length];
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(4), port);
        targetName.CopyTo(data, 6);
        return new Record(name, TypeSrv, rrClass, ttl, data);
    }

    public static Record Txt(string name, uint ttl, IEnumerable<string> entries, ushort rrClass = ClassIn)
    {
        using var data = new MemoryStream();
        foreach (string entry in entries)
        {
            byte[] text = Encoding.UTF8.GetBytes(entry);
            data.WriteByte((byte)text.Length);
            data.Write(text);
        }
        return new Record(name, TypeTxt, rrClass, ttl, data.ToArray());
    }

    /// <summary>A recursive query (RD set), as a stub resolver sends it.</summary>
    public static byte[] Query(ushort id, string name, ushort type) =>
        Message(id, 0x0100, [(name, type, ClassIn)], []);

    /// <summary>The forwarder's answer: QR, RD, RA, the question echoed, then the answers.</summary>
    public static byte[] Response(ushort id, string name, ushort type, IReadOnlyList<Record> answers) =>
        Message(id, 0x8180, [(name, type, ClassIn)], answers);

    public static byte[] MdnsQuery(string name, ushort type, bool unicastResponse) =>
        Message(0, 0, [(name, type, (ushort)(ClassIn | (unicastResponse ? UnicastResponse : 0)))], []);

    /// <summary>An mDNS announcement or answer: id 0, QR and AA, no question (RFC 6762 §6).</summary>
    public static byte[] MdnsResponse(IReadOnlyList<Record> answers) => Message(0, 0x8400, [], answers);

    private static byte[] Message(ushort id, ushort flags, IReadOnlyList<(string Name, ushort Type, ushort Class)> questions,
        IReadOnlyList<Record> answers)
    {
        using var message = new MemoryStream();
        Span<byte> field = stackalloc byte[10];
        BinaryPrimitives.WriteUInt16BigEndian(field, id);
        BinaryPrimitives.WriteUInt16BigEndian(field[2..], flags);
        BinaryPrimitives.WriteUInt16BigEndian(field[4..], (ushort)questions.Count);
        BinaryPrimitives.WriteUInt16BigEndian(field[6..], (ushort)answers.Count);
        message.Write(field[..8]);
        message.Write(stackalloc byte[4]);
        foreach (var (name, type, qclass) in questions)
        {
            message.Write(Name(name));
            BinaryPrimitives.WriteUInt16BigEndian(field, type);
            BinaryPrimitives.WriteUInt16BigEndian(field[2..], qclass);
            message.Write(field[..4]);
        }
        foreach (var record in answers)
        {
            message.Write(Name(record.Name));
            BinaryPrimitives.WriteUInt16BigEndian(field, record.Type);
            BinaryPrimitives.WriteUInt16BigEndian(field[2..], record.Class);
            BinaryPrimitives.WriteUInt32BigEndian(field[4..], record.Ttl);
            BinaryPrimitives.WriteUInt16BigEndian(field[8..], (ushort)record.Data.Length);
            message.Write(field[..10]);
            message.Write(record.Data);
        }
        return message.ToArray();
    }

    /// <summary>A name as length-prefixed labels ending in the root label.</summary>
    public static byte[] Name(string name)
    {
        using var bytes = new MemoryStream();
        foreach (string label in name.TrimEnd('.').Split('.'))
        {
            byte[] text = Encoding.UTF8.GetBytes(label);
            bytes.WriteByte((byte)text.Length);
            bytes.Write(text);
        }
        bytes.WriteByte(0);
        return bytes.ToArray();
    }
}
