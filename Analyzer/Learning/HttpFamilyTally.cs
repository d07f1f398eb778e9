using System.Globalization;
using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Events;
using Analyzer.Rules;

namespace Analyzer.Learning;

/// <summary>
/// Counters for the HTTP-family events (protocols soap, gena, dial, cast, description), read through
/// <see cref="AnalyzerEvent.Fields"/>: a message with a <c>status</c> field is a response, any other a request;
/// SOAP arguments are <c>arg_&lt;Name&gt;</c> with the real length in <c>arg_&lt;Name&gt;_len</c> when the value was cut.
/// </summary>
internal static class HttpFamilyTally
{
    private static readonly HashSet<string> EnumerationActions = ["GetGenericPortMappingEntry", "GetSpecificPortMappingEntry"];

    public static void Sent(AnalyzerEvent e, HostWindowCounters c, NetworkContext network)
    {
        switch (e.Protocol)
        {
            case "soap":
                SoapSent(e, c, network);
                break;
            case "gena":
                if (e.Message.Equals("SUBSCRIBE", StringComparison.OrdinalIgnoreCase))
                {
                    c.GenaSubscribe++;
                    if (Field(e, "callback") is { } callback && IsForeignCallback(callback, e.Packet.Src)) c.GenaCallbackForeign++;
                }
                else if (e.Message.Equals("NOTIFY", StringComparison.OrdinalIgnoreCase))
                {
                    c.GenaNotifySent++;
                }
                break;
            case "dial":
            case "cast":
                if (Field(e, "status") is null) c.DialCastRequests++;
                break;
            case "description":
                // One event per fetch, reported with the response: the sender is the device that served it.
                if (HasDtd(e)) c.XmlDtd++;
                break;
        }
    }

    public static void Received(AnalyzerEvent e, HostWindowCounters c)
    {
        if (e.Protocol == "description") c.DescriptionFetches++;
        if (e.Protocol != "soap" || !e.Message.Equals("Fault", StringComparison.Ordinal)) return;
        c.SoapFaultsReceived++;
        if (IgdMappings.ActionOf(Field(e, "action")) is { } failed && IgdMappings.IsAdd(failed)) c.MappingFailuresReceived++;
    }

    private static void SoapSent(AnalyzerEvent e, HostWindowCounters c, NetworkContext network)
    {
        string? internalClient = null, internalPort = null, externalPort = null, lease = null;
        bool isResponse = false, dtd = false;
        foreach (var (name, value) in e.Fields())
        {
            switch (name)
            {
                case "status": isResponse = true; break;
                case "doctype" or "entity": dtd |= value == "1"; break;
                case "soapaction": c.SoapMaxSoapAction = Math.Max(c.SoapMaxSoapAction, value.Length); break;
                case "soapaction_len": c.SoapMaxSoapAction = Math.Max(c.SoapMaxSoapAction, Number(value) ?? 0); break;
                case "arg_NewInternalClient" or "arg_InternalClient": internalClient = value; break;
                case "arg_NewInternalPort" or "arg_InternalPort": internalPort = value; break;
                case "arg_NewExternalPort": externalPort = value; break;
                case "arg_NewLeaseDuration" or "arg_LeaseTime": lease = value; break;
            }
            if (name.StartsWith("arg_", StringComparison.Ordinal))
            {
                int length = name.EndsWith("_len", StringComparison.Ordinal) ? Number(value) ?? 0 : value.Length;
                c.SoapMaxArgument = Math.Max(c.SoapMaxArgument, length);
            }
        }
        if (dtd) c.XmlDtd++;
        if (isResponse) return;

        c.SoapRequests++;
        string action = e.Message;
        c.SoapActions.Add(action);
        if (EnumerationActions.Contains(action)) c.SoapEnumeration++;
        else if (IgdMappings.ActionOf(action) is { } deleted && IgdMappings.IsDelete(deleted)) c.MappingDeletes++;
        else if (IgdMappings.ActionOf(action) is { } added && IgdMappings.IsAdd(added))
        {
            NetAddress? client = null;
            if (internalClient is not null && NetAddress.TryParse(internalClient.Trim(), out var parsed)) client = parsed;
            double? leaseSeconds = Number(lease);
            // UPnP IGD: NewLeaseDuration 0 asks for a permanent mapping.
            bool permanent = leaseSeconds == 0;
            PortMappingTally.Request(c, e.Packet.Src, client, internalClient is { Length: > 0 }, Number(internalPort), Number(externalPort),
                permanent ? null : leaseSeconds, permanent, network);
        }
    }

    private static bool IsForeignCallback(string callback, NetAddress subscriber)
    {
        // One or more <URL> in the header; a host name, or an address other than the subscriber's, is foreign.
        foreach (var part in callback.Split(['<', '>'], StringSplitOptions.RemoveEmptyEntries))
        {
            var url = UrlParts.Read(part);
            if (url.Host.Length > 0 && url.Address != subscriber) return true;
        }
        return false;
    }

    private static bool HasDtd(AnalyzerEvent e)
    {
        foreach (var (name, value) in e.Fields())
            if (name is "doctype" or "entity" && value == "1") return true;
        return false;
    }

    private static string? Field(AnalyzerEvent e, string name)
    {
        foreach (var (key, value) in e.Fields())
            if (key == name) return value;
        return null;
    }

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : null;
}
