namespace Analyzer.Census;

/// <summary>One home (sensor) of a fleet: its census as <c>analyzer report</c> makes it.</summary>
public sealed record HomeCensus(string Sensor, NetworkCensus Census)
{
    /// <summary>The home's gateway answers UPnP (a device of class gateway is in its inventory).</summary>
    public bool GatewayRunsUpnp => Census.Classes.Any(c => c.Class == DeviceClass.Gateway && c.Devices > 0);
}
