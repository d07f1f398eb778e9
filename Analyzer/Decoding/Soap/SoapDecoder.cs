using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Soap;

/// <summary>
/// Turns HTTP messages into UPnP control events. A request is UPnP when its SOAPAction names a UPnP service type
/// (<c>urn:…:service:…#Action</c>) or, with a degenerate or missing header, when the body's action element is in
/// such a namespace; HNAP, other web services and empty SOAPAction values are not UPnP and give no event.
/// </summary>
internal static class SoapDecoder
{
    public static SoapRequest? DecodeRequest(HttpMessage message, in PacketInfo packet)
    {
        string? raw = SoapActionValue(message);
        // Without the header only the body can make it control: a body that is no SOAP envelope is not parsed.
        if (raw is null && !MayBeEnvelope(message.Body)) return null;
        var header = raw is null ? (SoapActionHeader?)null : SoapActionHeader.Parse(raw);
        var envelope = SoapEnvelopeParser.Parse(message.Body);
        bool headerUpnp = header is { IsUpnp: true };
        bool bodyUpnp = !envelope.IsFault && UpnpServiceType.IsServiceType(envelope.ActionNamespace) && envelope.ActionName is not null;
        if (!headerUpnp && !bodyUpnp) return null;

        string serviceType = headerUpnp ? header!.Value.ServiceType : envelope.ActionNamespace!;
        string action = headerUpnp ? header!.Value.Action : envelope.ActionName!;
        bool bodyDiffers = headerUpnp && envelope.ActionName is not null &&
                           (envelope.ActionName != action || !string.Equals(envelope.ActionNamespace, serviceType, StringComparison.OrdinalIgnoreCase));

        List<string>? missing = null;
        bool? known = null;
        if (UpnpServiceType.TryParse(serviceType, out var service) && IgdActions.Covers(service))
        {
            known = IgdActions.TryGetInputs(service, action, out var inputs);
            // Only the body that carries this action can be checked for its arguments.
            if (known == true && !bodyDiffers && envelope.ActionName is not null)
                missing = IgdActions.Missing(inputs, name => envelope.Argument(name) is not null);
        }

        return new SoapRequest(packet)
        {
            ServiceType = serviceType,
            Action = action,
            Method = message.Method,
            ControlUrl = message.Path,
            Host = message.Header("Host"u8),
            UserAgent = message.Header("User-Agent"u8),
            SoapAction = header,
            BodyAction = bodyDiffers ? envelope.ActionName : null,
            BodyServiceType = bodyDiffers ? envelope.ActionNamespace : null,
            Arguments = envelope.Arguments,
            ArgumentCount = envelope.ArgumentCount,
            MissingArguments = missing,
            KnownIgdAction = known,
            Evidence = envelope.Evidence,
            BodyLength = message.BodyLength,
            BodyTruncated = message.BodyTruncated,
            Incomplete = message.Incomplete || message.BodyMissing > 0,
        };
    }

    /// <summary>The response to a UPnP request, or (request unseen) a body that is clearly a UPnP control response.</summary>
    public static SoapResponse? DecodeResponse(HttpMessage message, SoapRequest? request, in PacketInfo packet)
    {
        var envelope = SoapEnvelopeParser.Parse(message.Body);
        if (request is null && !LooksLikeUpnpResponse(envelope)) return null;

        bool fault = envelope.IsFault || message.StatusCode >= 300;
        string? action = request?.Action;
        if (action is null && envelope.ActionName is { } name && name.EndsWith("Response", StringComparison.Ordinal))
            action = name[..^"Response".Length];
        string? serviceType = request?.ServiceType ?? (envelope.IsFault ? null : envelope.ActionNamespace);

        return new SoapResponse(packet)
        {
            Status = message.StatusCode,
            Action = action,
            ServiceType = serviceType,
            Request = request,
            IsFault = fault,
            Arguments = envelope.IsFault ? [] : envelope.Arguments,
            ArgumentCount = envelope.IsFault ? 0 : envelope.ArgumentCount,
            UpnpErrorCode = envelope.UpnpErrorCode,
            UpnpErrorDescription = envelope.UpnpErrorDescription,
            FaultCode = envelope.FaultCode,
            FaultString = envelope.FaultString,
            Server = message.Header("Server"u8),
            Evidence = envelope.Evidence,
            BodyLength = message.BodyLength,
            BodyTruncated = message.BodyTruncated,
            Incomplete = message.Incomplete || message.BodyMissing > 0,
            LargestChunk = message.LargestChunk,
        };
    }

    /// <summary>A SOAPAction header, or for M-POST (RFC 2774) the NN-SOAPACTION header its Man header declares.</summary>
    public static string? SoapActionValue(HttpMessage message)
    {
        int i = message.IndexOfHeader("SOAPAction"u8);
        if (i >= 0) return message.HeaderValue(i);
        for (int h = 0; h < message.HeaderCount; h++)
        {
            string name = message.HeaderName(h);
            if (name.Length == "01-SOAPACTION".Length && char.IsAsciiDigit(name[0]) && char.IsAsciiDigit(name[1]) &&
                name.AsSpan(2).Equals("-SOAPACTION", StringComparison.OrdinalIgnoreCase))
                return message.HeaderValue(h);
        }
        return null;
    }

    /// <summary>Markup (after an optional UTF-8 byte order mark and white space) that names an Envelope element.</summary>
    private static bool MayBeEnvelope(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8)) body = body[3..];
        int start = body.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && body[start] == (byte)'<' && body.IndexOf("Envelope"u8) >= 0;
    }

    private static bool LooksLikeUpnpResponse(SoapEnvelope envelope)
    {
        if (!envelope.HasBody || envelope.ActionName is null) return false;
        if (envelope.IsFault) return envelope.UpnpErrorCode is not null;
        return envelope.ActionName.EndsWith("Response", StringComparison.Ordinal) &&
               UpnpServiceType.IsServiceType(envelope.ActionNamespace);
    }
}
