using System.Text;

namespace Analyzer.Decoding.Http;

/// <summary>
/// Decides from a parsed head which decoder, if any, reads a message, so that only those messages are kept
/// (copied, bodies collected); every other message is framed and skipped.
/// </summary>
internal static class HttpClassifier
{
    /// <param name="dialPrefix">Where the server keeps its DIAL applications (/apps/ unless it announced another).</param>
    public static HttpMessageKind ClassifyRequest(ReadOnlySpan<byte> head, HttpHead parsed, string dialPrefix)
    {
        var method = head[parsed.Method];
        bool post = method.SequenceEqual("POST"u8) || method.SequenceEqual("M-POST"u8);
        if (post && HasSoapAction(head, parsed)) return HttpMessageKind.Soap;
        if (method.SequenceEqual("SUBSCRIBE"u8) || method.SequenceEqual("UNSUBSCRIBE"u8) || method.SequenceEqual("NOTIFY"u8))
            return HttpMessageKind.Gena;

        var path = PathOf(head[parsed.Target]);
        if (Ascii.EqualsIgnoreCase(path, "/ssdp/device-desc.xml"u8)) return HttpMessageKind.DialDeviceDescription;
        if (IsUnder(path, "/apps/") || IsUnder(path, dialPrefix)) return HttpMessageKind.Dial;
        if (IsCastSetupPath(path)) return HttpMessageKind.Cast;
        // Forms, JSON and uploads say what they are; a SOAP envelope sent without SOAPAction rarely does.
        if (post && (!parsed.TryGetValue(head, "Content-Type"u8, out var type) || ContainsXml(type))) return HttpMessageKind.SoapCandidate;
        if (post) return HttpMessageKind.Post;
        if (method.SequenceEqual("GET"u8)) return HttpMessageKind.Fetch;
        return HttpMessageKind.Other;
    }

    /// <summary>Whether the response to a request of <paramref name="kind"/> is worth keeping.</summary>
    public static bool WantsResponse(HttpMessageKind kind, ReadOnlySpan<byte> head, HttpHead parsed) => kind switch
    {
        HttpMessageKind.Soap or HttpMessageKind.Gena or HttpMessageKind.Dial or HttpMessageKind.DialDeviceDescription
            or HttpMessageKind.Cast => true,
        // A device description is XML; servers that omit Content-Type are common among small UPnP stacks.
        HttpMessageKind.Fetch => !parsed.TryGetValue(head, "Content-Type"u8, out var type) || ContainsXml(type),
        HttpMessageKind.Unpaired => parsed.TryGetValue(head, "Content-Type"u8, out var t) && ContainsXml(t),
        // Its status and Server header, when the POST was not reported at once; the body is not kept.
        HttpMessageKind.Post => UpnpHttpServers.SaysUpnp(head, parsed),
        _ => false,
    };

    /// <summary>Path of a request target: origin form up to '?', or the path of an absolute URL.</summary>
    public static ReadOnlySpan<byte> PathOf(ReadOnlySpan<byte> target)
    {
        int scheme = target.IndexOf("://"u8);
        if (scheme >= 0)
        {
            var afterHost = target[(scheme + 3)..];
            int slash = afterHost.IndexOf((byte)'/');
            target = slash < 0 ? "/"u8 : afterHost[slash..];
        }
        int end = target.IndexOfAny((byte)'?', (byte)'#');
        return end < 0 ? target : target[..end];
    }

    /// <summary>The prefix itself without its final slash (/apps) or anything below it.</summary>
    private static bool IsUnder(ReadOnlySpan<byte> path, string prefix)
    {
        if (path.Length > prefix.Length) return StartsWithAscii(path, prefix);
        return path.Length == prefix.Length - 1 && StartsWithAscii(prefix, path);
    }

    private static bool StartsWithAscii(ReadOnlySpan<byte> text, string prefix)
    {
        if (text.Length < prefix.Length) return false;
        for (int i = 0; i < prefix.Length; i++)
            if (text[i] != prefix[i]) return false;
        return true;
    }

    private static bool StartsWithAscii(string text, ReadOnlySpan<byte> prefix)
    {
        for (int i = 0; i < prefix.Length; i++)
            if (text[i] != prefix[i]) return false;
        return true;
    }

    /// <summary>
    /// The Cast local API lives under /setup/ with bare endpoint names (eureka_info, reboot, bluetooth/status …);
    /// router admin pages under /setup/ carry file extensions and are not Cast.
    /// </summary>
    private static bool IsCastSetupPath(ReadOnlySpan<byte> path)
    {
        if (!path.StartsWith("/setup/"u8) || path.Length == "/setup/".Length) return false;
        foreach (byte b in path["/setup/".Length..])
            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'/' or (byte)'-')) return false;
        return true;
    }

    private static bool HasSoapAction(ReadOnlySpan<byte> head, HttpHead parsed)
    {
        for (int i = 0; i < parsed.HeaderCount; i++)
        {
            var name = head[parsed.NameAt(i)];
            if (Ascii.EqualsIgnoreCase(name, "SOAPAction"u8)) return true;
            // M-POST (RFC 2774): the header is NN-SOAPACTION with the prefix its Man header declares.
            if (name.Length == 13 && char.IsAsciiDigit((char)name[0]) && char.IsAsciiDigit((char)name[1]) &&
                Ascii.EqualsIgnoreCase(name[2..], "-SOAPACTION"u8))
                return true;
        }
        return false;
    }

    private static bool ContainsXml(ReadOnlySpan<byte> contentType)
    {
        for (int i = 0; i + 3 <= contentType.Length; i++)
            if (Ascii.EqualsIgnoreCase(contentType.Slice(i, 3), "xml"u8)) return true;
        return false;
    }
}
