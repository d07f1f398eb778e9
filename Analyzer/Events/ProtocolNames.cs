namespace Analyzer.Events;

/// <summary>
/// The protocol names of events (<see cref="AnalyzerEvent.Protocol"/>), written to the protocol column of alerts and
/// events and matched by the stages that read events: the one source of each name.
/// </summary>
public static class ProtocolNames
{
    public const string Ssdp = "ssdp";
    public const string Soap = "soap";
    public const string Gena = "gena";
    public const string Dial = "dial";
    public const string Cast = "cast";
    public const string Description = "description";
    public const string NatPmp = "natpmp";
    public const string Pcp = "pcp";
    /// <summary>An HTTP request that is none of the UPnP protocols above.</summary>
    public const string Http = "http";
}
