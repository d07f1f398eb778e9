using SharpPcap;

namespace Analyzer.Capture;

/// <summary>Turns libpcap's failures into the one-line messages a user can act on.</summary>
public static class LiveCaptureErrors
{
    public static string NoPermission(string iface) =>
        $"no permission to capture on {iface}: capture needs root or the CAP_NET_RAW and CAP_NET_ADMIN capabilities " +
        "(e.g. sudo setcap cap_net_raw,cap_net_admin+eip \"$(readlink -f \"$(command -v dotnet)\")\")";

    public static string UnknownInterface(string iface, IEnumerable<string> known) =>
        $"unknown interface '{iface}'; available: {string.Join(", ", known)}";

    public static string BadFilter(string filter, string detail) =>
        $"bad capture filter '{filter}': {detail}";

    public static bool IsPermission(Exception e) =>
        e.Message.Contains("Operation not permitted", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("permission", StringComparison.OrdinalIgnoreCase);

    /// <summary>The part of libpcap's filter error after "can't parse filter expression".</summary>
    public static string FilterDetail(PcapException e)
    {
        var m = LibPcapErrors.OneLine(e.Message);
        int colon = m.IndexOf("expression", StringComparison.OrdinalIgnoreCase);
        return colon >= 0 ? m[(colon + "expression".Length)..].TrimStart(':', ' ') is { Length: > 0 } rest ? rest : m : m;
    }
}
