using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Description;

/// <summary>Recognizes a response body as a UPnP device description and reports it with the URL it was fetched from.</summary>
internal static class DescriptionDecoder
{
    public static DescriptionMessage? Decode(HttpMessage response, PendingRequest? pending, in PacketInfo packet)
    {
        if (response.BodyStored == 0 || !StartsLikeXml(response.Body)) return null;
        var description = DeviceDescriptionParser.Parse(response.Body);
        if (description is null) return null;

        string? host = pending?.Host;
        string path = pending?.Target ?? "";
        // The response comes from the server: its source is where the request went.
        string authority = host ?? (packet.Src.IsV6 ? $"[{packet.Src}]:{packet.SrcPort}" : $"{packet.Src}:{packet.SrcPort}");
        string location = path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? path : "http://" + authority + path;
        return new DescriptionMessage(packet)
        {
            Status = response.StatusCode,
            Location = location,
            Host = host,
            Path = pending?.Path ?? "",
            RequestFrame = pending?.RequestFrame,
            Server = response.Header("Server"u8),
            ApplicationUrl = response.Header("Application-URL"u8),
            Description = description,
            BodyLength = response.BodyLength,
            BodyTruncated = response.BodyTruncated,
        };
    }

    private static bool StartsLikeXml(ReadOnlySpan<byte> body)
    {
        int i = body.IndexOfAnyExcept(" \t\r\n"u8);
        return i >= 0 && (body[i] == (byte)'<' || body[i] == 0xEF);
    }
}
