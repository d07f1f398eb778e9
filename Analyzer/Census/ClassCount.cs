namespace Analyzer.Census;

/// <summary>A row of the census table: devices of a class, their share of UPnP-family devices, and how many run an outdated or vulnerable stack.</summary>
public sealed record ClassCount(DeviceClass Class, int Devices, double Share, int Outdated, int WithCves);
