using Analyzer.Decoding.Http;
using Analyzer.Decoding.Ssdp;

namespace Analyzer.Learning;

/// <summary>The SSDP part of the host-window counters.</summary>
internal static class SsdpTally
{
    public static void Sent(SsdpMessage m, HostWindowCounters c, HostMemory memory, long windowIndex)
    {
        c.SsdpMaxHeaderLine = Math.Max(c.SsdpMaxHeaderLine, m.LongestHeaderLine);
        c.SsdpMaxLength = Math.Max(c.SsdpMaxLength, m.Length);
        switch (m.Kind)
        {
            case SsdpKind.MSearch:
                c.SsdpMSearch++;
                c.SsdpSearchBytesSent += m.Length;
                if (!m.Packet.Dst.IsMulticast) c.SsdpMSearchUnicast++;
                string st = (m.St ?? "").Trim();
                if (st.Equals("ssdp:all", StringComparison.OrdinalIgnoreCase) || st.Equals("upnp:rootdevice", StringComparison.OrdinalIgnoreCase))
                    c.SsdpSearchAll++;
                c.SearchTargets.Add(st);
                break;
            case SsdpKind.Notify:
                if ((m.Nts ?? "").Trim().Equals("ssdp:byebye", StringComparison.OrdinalIgnoreCase)) c.SsdpByebye++;
                else c.SsdpNotify++;
                Advertisement(m, c, memory, windowIndex);
                break;
            default:
                c.SsdpResponsesSent++;
                Advertisement(m, c, memory, windowIndex);
                break;
        }
    }

    public static void Received(SsdpMessage m, HostWindowCounters c)
    {
        if (m.Kind != SsdpKind.Response) return;
        c.SsdpResponsesReceived++;
        c.SsdpResponseBytesReceived += m.Length;
        c.Responders.Add(StableHash.Of(m.Packet.Src.Value));
    }

    private static void Advertisement(SsdpMessage m, HostWindowCounters c, HostMemory memory, long windowIndex)
    {
        if (m.Location is { } location && UrlParts.Read(location).Address is { } host && host != m.Packet.Src)
            c.SsdpLocationMismatch++;
        if (m.Usn is { } usn && Uuid(usn) is { IsEmpty: false } uuid)
        {
            ulong hash = StableHash.Of(uuid);
            c.Uuids.Add(hash);
            if (memory.NoteUuid(hash, windowIndex)) c.IdentityChanges++;
        }
    }

    /// <summary>The device UUID of a USN (<c>uuid:X</c> or <c>uuid:X::type</c>), compared as sent.</summary>
    private static ReadOnlySpan<char> Uuid(string usn)
    {
        var span = usn.AsSpan().Trim();
        if (!span.StartsWith("uuid:", StringComparison.OrdinalIgnoreCase)) return span;
        span = span[5..];
        int end = span.IndexOf("::");
        return end < 0 ? span : span[..end];
    }
}
