namespace Analyzer.Decoding.Http;

/// <summary>What a message is to the UPnP-family decoders, decided from its request line and headers.</summary>
public enum HttpMessageKind : byte
{
    /// <summary>Nothing any decoder reads; only its framing is followed.</summary>
    Other,
    /// <summary>POST or M-POST with a SOAPAction header.</summary>
    Soap,
    /// <summary>SUBSCRIBE, UNSUBSCRIBE or NOTIFY (GENA eventing over TCP).</summary>
    Gena,
    /// <summary>DIAL application resource: /apps/&lt;name&gt;.</summary>
    Dial,
    /// <summary>GET /ssdp/device-desc.xml: the DIAL device description with its Application-URL.</summary>
    DialDeviceDescription,
    /// <summary>Cast local API: /setup/….</summary>
    Cast,
    /// <summary>Any other GET: its response may be a UPnP device description.</summary>
    Fetch,
    /// <summary>
    /// A POST without SOAPAction whose body may be XML (no Content-Type, or an XML one): UPnP control when the body's
    /// action element is in a UPnP service namespace (worms leave the header off), otherwise nothing.
    /// </summary>
    SoapCandidate,
    /// <summary>
    /// Any other POST: only its head is kept, and it is reported when it goes to a UPnP stack's server
    /// (<see cref="UpnpServerPost"/>).
    /// </summary>
    Post,
    /// <summary>A response whose request was not seen.</summary>
    Unpaired,
}
