namespace Analyzer.Mapping;

/// <summary>
/// The internal-port classes the port rules split between them, so one mapping gets one port alert: Windows file
/// sharing (EternalSilence) first, then Cast, then the other sensitive ports.
/// </summary>
public static class PortClasses
{
    /// <summary>RPC, NetBIOS and SMB: the ports EternalSilence exposes for EternalBlue/EternalRed.</summary>
    public static readonly IReadOnlySet<int> WindowsSharing = new HashSet<int> { 135, 137, 138, 139, 445 };

    public static bool IsWindowsSharing(ushort? port) => port is { } p && WindowsSharing.Contains(p);

    public static bool IsCast(ushort? port) => port is { } p && NetworkContext.CastPorts.Contains(p);
}
