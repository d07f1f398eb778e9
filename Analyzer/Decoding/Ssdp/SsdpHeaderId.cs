namespace Analyzer.Decoding.Ssdp;

/// <summary>
/// The SSDP headers that get a typed property and a fixed field name. The order is the order of
/// <see cref="SsdpMessage.Fields"/>; <see cref="Other"/> marks every other header.
/// </summary>
public enum SsdpHeaderId : byte
{
    Host,
    St,
    Nt,
    Nts,
    Usn,
    Location,
    Server,
    UserAgent,
    Man,
    Mx,
    CacheControl,
    BootId,
    ConfigId,
    SearchPort,
    Other,
}
