using System.Text;

namespace Analyzer.Tests.Rules.Support;

/// <summary>SSDP datagrams as the stacks in the conformance captures send them, with the parts tests vary.</summary>
public static class SsdpText
{
    public const string Group = "239.255.255.250";

    public static byte[] MSearch(string st, int mx = 2, string? userAgent = null, string host = "239.255.255.250:1900") =>
        Bytes($"M-SEARCH * HTTP/1.1\r\nHOST: {host}\r\nMAN: \"ssdp:discover\"\r\nMX: {mx}\r\nST: {st}\r\n"
            + (userAgent is null ? "" : $"USER-AGENT: {userAgent}\r\n") + "\r\n");

    public static byte[] Notify(string nt, string usn, string location, string server = "Linux/6.1 UPnP/1.1 MiniUPnPd/2.3.11",
        string nts = "ssdp:alive") =>
        Bytes($"NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\nLOCATION: {location}\r\n"
            + $"NT: {nt}\r\nNTS: {nts}\r\nSERVER: {server}\r\nUSN: {usn}\r\n\r\n");

    public static byte[] Response(string st, string usn, string location, string server = "Linux/6.1 UPnP/1.1 MiniUPnPd/2.3.11") =>
        Bytes($"HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\nLOCATION: {location}\r\nSERVER: {server}\r\n"
            + $"ST: {st}\r\nUSN: {usn}\r\n\r\n");

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public const string RootUuid = "uuid:4d696e69-444c-164e-9d41-b0c554255b0e";
}
