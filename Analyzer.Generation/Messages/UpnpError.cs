namespace Analyzer.Generation.Messages;

/// <summary>UPnPError codes an IGD returns in SOAP faults (UDA 1.1 §3.2.2; WANIPConnection:2 §2.4).</summary>
public readonly record struct UpnpError(int Code, string Description)
{
    public static readonly UpnpError InvalidAction = new(401, "Invalid Action");
    public static readonly UpnpError InvalidArgs = new(402, "Invalid Args");
    public static readonly UpnpError ActionFailed = new(501, "Action Failed");
    public static readonly UpnpError NotAuthorized = new(606, "Action not authorized");
    public static readonly UpnpError SpecifiedArrayIndexInvalid = new(713, "SpecifiedArrayIndexInvalid");
    public static readonly UpnpError NoSuchEntryInArray = new(714, "NoSuchEntryInArray");
    public static readonly UpnpError ConflictInMappingEntry = new(718, "ConflictInMappingEntry");
    public static readonly UpnpError OnlyPermanentLeasesSupported = new(725, "OnlyPermanentLeasesSupported");
    public static readonly UpnpError NoPortMapsAvailable = new(728, "NoPortMapsAvailable");
}
