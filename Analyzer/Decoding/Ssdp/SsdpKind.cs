namespace Analyzer.Decoding.Ssdp;

/// <summary>The SSDP message kinds (UPnP Device Architecture 2.0 §1): search, advertisement, search reply.</summary>
public enum SsdpKind : byte
{
    MSearch,
    Notify,
    Response,
}
