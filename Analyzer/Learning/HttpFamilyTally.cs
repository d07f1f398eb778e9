using System.Globalization;
using Analyzer.Decoding;
using Analyzer.Decoding.Cast;
using Analyzer.Decoding.Description;
using Analyzer.Decoding.Dial;
using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Soap;
using Analyzer.Events;
using Analyzer.Rules;

namespace Analyzer.Learning;

/// <summary>
/// Counters for the HTTP-family events (SOAP, GENA, DIAL, Cast, description), read through their typed fields: the
/// message kinds of GENA, and for DIAL and Cast the status a response carries.
/// </summary>
internal static class HttpFamilyTally
{
    private static readonly HashSet<string> EnumerationActions = ["GetGenericPortMappingEntry", "GetSpecificPortMappingEntry"];

    public static void Sent(AnalyzerEvent e, HostWindowCounters c, NetworkContext network)
    {
        switch (e)
        {
            case SoapRequest request:
                SoapSent(request, c, network);
                break;
            case SoapResponse response:
                SoapSent(response, c);
                break;
            case GenaMessage g:
                if (g.Status is null) c.GenaMaxHeader = Math.Max(c.GenaMaxHeader, LongestHeader(g));
                if (g.MessageKind == GenaMessageKind.Subscribe)
                {
                    c.GenaSubscribe++;
                    if (g.Callback is not null && HasForeignCallback(g)) c.GenaCallbackForeign++;
                }
                else if (g.MessageKind == GenaMessageKind.Notify && network.IsOutside(g.Packet.Dst))
                {
                    // Event callbacks belong on the LAN: a device notifying its LAN subscribers is ordinary eventing,
                    // one notifying an Internet host is doing what CallStranger makes it do.
                    c.GenaNotifyOutside++;
                }
                break;
            // A request: a response carries the status it answers with.
            case DialMessage { Status: null } or CastMessage { Status: null }:
                c.DialCastRequests++;
                break;
            // One event per fetch, reported with the response: the sender is the device that served it.
            case DescriptionMessage { Description.Evidence: var evidence } when HasDtd(evidence):
                c.XmlDtd++;
                break;
        }
    }

    public static void Received(AnalyzerEvent e, HostWindowCounters c)
    {
        if (e is DescriptionMessage) c.DescriptionFetches++;
        if (e.Protocol != ProtocolNames.Soap || !e.Message.Equals("Fault", StringComparison.Ordinal)) return;
        c.SoapFaultsReceived++;
        if (e is SoapResponse response && IgdMappings.ActionOf(response.Action) is { } failed && IgdMappings.IsAdd(failed)) c.MappingFailuresReceived++;
    }

    private static void SoapSent(SoapResponse response, HostWindowCounters c)
    {
        TallyArguments(response.Arguments, c);
        if (HasDtd(response.Evidence)) c.XmlDtd++;
    }

    private static void SoapSent(SoapRequest request, HostWindowCounters c, NetworkContext network)
    {
        if (request.SoapAction is { } header) c.SoapMaxSoapAction = Math.Max(c.SoapMaxSoapAction, header.Raw.Length);
        var (internalClient, internalPort, externalPort, lease) = TallyArguments(request.Arguments, c);
        if (HasDtd(request.Evidence)) c.XmlDtd++;

        c.SoapRequests++;
        string action = request.Message;
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
            PortMappingTally.Request(c, request.Packet.Src, client, internalClient is { Length: > 0 }, Number(internalPort), Number(externalPort),
                permanent ? null : leaseSeconds, permanent, network);
        }
    }

    /// <summary>
    /// The longest argument (its real length when the decoder cut it) into the counters, and the mapping arguments
    /// read: the first argument of each name counts, as in the event's fields; of two spellings the later wins.
    /// </summary>
    private static (string? InternalClient, string? InternalPort, string? ExternalPort, string? Lease) TallyArguments(
        IReadOnlyList<SoapArgument> arguments, HostWindowCounters c)
    {
        string? internalClient = null, internalPort = null, externalPort = null, lease = null;
        for (int i = 0; i < arguments.Count; i++)
        {
            var a = arguments[i];
            if (IsRepeat(arguments, i)) continue;
            switch (a.Name)
            {
                case "NewInternalClient" or "InternalClient": internalClient = a.Value; break;
                case "NewInternalPort" or "InternalPort": internalPort = a.Value; break;
                case "NewExternalPort": externalPort = a.Value; break;
                case "NewLeaseDuration" or "LeaseTime": lease = a.Value; break;
            }
            c.SoapMaxArgument = Math.Max(c.SoapMaxArgument, Math.Max(a.Value.Length, a.Length));
        }
        return (internalClient, internalPort, externalPort, lease);
    }

    private static bool IsRepeat(IReadOnlyList<SoapArgument> arguments, int index)
    {
        for (int i = 0; i < index; i++)
            if (arguments[i].Name == arguments[index].Name) return true;
        return false;
    }

    /// <summary>The longest header value of a GENA request: overflow probes against GENA stacks (THREATS.md
    /// gena-subscribe-uuid-overflow, gena-miniupnpd-event-leak) make one of these very long, ordinary eventing never does.</summary>
    private static int LongestHeader(GenaMessage g) =>
        Math.Max(Math.Max(Math.Max(g.Callback?.Length ?? 0, g.Sid?.Length ?? 0), Math.Max(g.Nt?.Length ?? 0, g.Nts?.Length ?? 0)),
            Math.Max(Math.Max(g.Timeout?.Length ?? 0, g.StateVar?.Length ?? 0), g.Uuid?.Length ?? 0));

    /// <summary>A callback to a host name, or to an address other than the subscriber's, is foreign.</summary>
    private static bool HasForeignCallback(GenaMessage g)
    {
        foreach (var callback in g.Callbacks)
            if (callback.Host.Length > 0 && callback.Address != g.Packet.Src) return true;
        return false;
    }

    // UPnP never needs a DTD: a DOCTYPE or ENTITY declaration in any XML body counts.
    private static bool HasDtd(XmlEvidence evidence) => evidence.Doctype || evidence.Entity;

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : null;
}
