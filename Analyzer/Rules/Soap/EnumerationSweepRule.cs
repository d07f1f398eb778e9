using System.Globalization;
using Analyzer.Decoding;
using Analyzer.Decoding.Soap;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>igd-enum-sweep</c>: a host reading the router's port-mapping table wholesale. GetGenericPortMappingEntry
/// over more than 20 indexes, or GetSpecificPortMappingEntry for more than 50 mappings, within 60 s; or a LAN host
/// repeating whole-table sweeps (each ended by fault 713, SpecifiedArrayIndexInvalid) more than three times an hour.
/// `upnpc -l`, router pages and torrent clients read a small table once and never fire. From outside the LAN any
/// such request is <see cref="ControlFromWanRule"/>'s.
/// One complete sweep (indexes 0, 1, 2, … in order until fault 713) is recon at low severity when the requester is
/// not a UPnP library (<see cref="UpnpClientAgent"/>), or when it made no port mapping of its own within
/// <c>enum_window_seconds</c> of the sweep: a UPnP client that lists the table and maps its own ports (Windows' NAT
/// traversal API, `upnpc -l` beside `upnpc -a`) and trusted controllers (router admin apps) do not fire.
/// </summary>
public sealed class EnumerationSweepRule : IRule
{
    public static readonly RuleInfo Rule = new("igd-enum-sweep", AlertCategory.Recon, Severity.Medium,
        "Port-mapping table enumeration: 20+ GetGenericPortMappingEntry indexes or 50+ GetSpecificPortMappingEntry lookups in 60 s, or 3+ full sweeps an hour; one full sweep by a non-UPnP client or a host mapping nothing (low)");

    public const int MaxRequesters = 1024;
    public const string ArrayIndexInvalid = "713";

    private sealed class Requester(int indexes, int lookups, int sweeps)
    {
        public readonly DistinctWindow<int> Indexes = new(indexes + 1);
        public readonly DistinctWindow<string> Lookups = new(lookups + 1);
        public readonly RecentTimes Sweeps = new(sweeps);
        public long MutedUntil = long.MinValue;
        // The sweep under way: the next index expected (0 when none), and its complete sweep awaiting a verdict.
        public int NextIndex;
        public bool MapsPorts;
        public bool SweepReported;
        public long PendingSinceUs = -1;
        public PacketInfo PendingPacket;
        public string PendingWhat = "";
    }

    private int _pending;

    private readonly BoundedTable<NetAddress, Requester> _requesters = new(MaxRequesters);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        var t = context.Thresholds;
        if (e is SoapRequest r && IgdServices.IsIgd(r.ServiceType))
        {
            var who = For(r.Packet.Src, t);
            long now = r.Packet.TimestampUs;
            if (r.Action == "GetGenericPortMappingEntry"
                && int.TryParse(r.Argument("NewPortMappingIndex"), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                if (index == 0) (who.NextIndex, who.SweepReported) = (1, false);
                else if (index == who.NextIndex) who.NextIndex++;
                else if (index != who.NextIndex - 1) who.NextIndex = 0;
                int n = who.Indexes.Add(index, now, t.EnumWindowUs);
                if (n >= t.EnumSweepIndexes)
                {
                    Raise(r.Packet, who, $"{n} GetGenericPortMappingEntry indexes within {Evidence.Seconds(t.EnumWindowUs)}", context);
                    who.SweepReported = true;
                }
            }
            else if (r.Action is "AddPortMapping" or "AddAnyPortMapping")
            {
                who.MapsPorts = true;
                if (who.PendingSinceUs >= 0) Clear(who);
            }
            else if (r.Action == "GetSpecificPortMappingEntry")
            {
                int n = who.Lookups.Add($"{r.Argument("NewProtocol")}/{r.Argument("NewExternalPort")}", now, t.EnumWindowUs);
                if (n >= t.EnumSpecificLookups) Raise(r.Packet, who, $"{n} GetSpecificPortMappingEntry lookups within {Evidence.Seconds(t.EnumWindowUs)}", context);
            }
        }
        else if (e is SoapResponse { IsFault: true, Request: { Action: "GetGenericPortMappingEntry" } request } fault
                 && fault.UpnpErrorCode == ArrayIndexInvalid)
        {
            var who = For(request.Packet.Src, t);
            if (who.Sweeps.AddAndCheck(fault.Packet.TimestampUs, t.EnumSweepRepeatWindowUs))
                Raise(request.Packet, who, $"{t.EnumSweepsPerHour} full table sweeps (each ended by fault 713) within {Evidence.Seconds(t.EnumSweepRepeatWindowUs)}", context);
            else if (who.NextIndex > 0
                     && int.TryParse(request.Argument("NewPortMappingIndex"), NumberStyles.None, CultureInfo.InvariantCulture, out int last)
                     && last == who.NextIndex - 1)
                CompleteSweep(request, who, context);
            who.NextIndex = 0;
        }
    }

    public void Expire(long nowUs, RuleContext context)
    {
        if (_pending == 0) return;
        foreach (var (_, who) in _requesters.Entries())
        {
            if (who.PendingSinceUs < 0 || nowUs - who.PendingSinceUs < context.Thresholds.EnumWindowUs) continue;
            var packet = who.PendingPacket;
            string what = who.PendingWhat;
            Clear(who);
            Raise(packet, who, what, context, Severity.Low);
        }
    }

    /// <summary>Indexes 0 … N−1 answered and N refused with 713: one whole table read.</summary>
    private void CompleteSweep(SoapRequest last, Requester who, RuleContext context)
    {
        var packet = last.Packet;
        // A sweep the index rule already reported, however long it took, gives no second alert.
        if (who.SweepReported || packet.TimestampUs < who.MutedUntil || context.Network.TrustedControllers.Contains(packet.Src)) return;
        string entries = $"one complete sweep of {who.NextIndex - 1} entries (indexes 0–{who.NextIndex - 1}, the last refused with fault 713)";
        if (!UpnpClientAgent.IsUpnpLibrary(last.UserAgent))
        {
            Raise(packet, who, $"{entries} by an HTTP client that is not a UPnP library (User-Agent {Evidence.Quote(last.UserAgent ?? "")})", context, Severity.Low);
            return;
        }
        if (who.MapsPorts) return;
        if (who.PendingSinceUs < 0) _pending++;
        who.PendingSinceUs = packet.TimestampUs;
        who.PendingPacket = packet;
        who.PendingWhat = $"{entries} by a host that made no port mapping of its own";
    }

    private void Clear(Requester who)
    {
        who.PendingSinceUs = -1;
        _pending--;
    }

    private Requester For(NetAddress host, RuleThresholds t) =>
        _requesters.GetOrAdd(host, () => new Requester(t.EnumSweepIndexes, t.EnumSpecificLookups, t.EnumSweepsPerHour));

    private static void Raise(in PacketInfo request, Requester who, string what, RuleContext context, Severity? severity = null)
    {
        if (request.TimestampUs < who.MutedUntil) return;
        who.MutedUntil = request.TimestampUs + context.Thresholds.EnumWindowUs;
        context.Raise(Rule, request, ProtocolNames.Soap, $"{request.Src} enumerates the port-mapping table of {request.Dst}: {what}", severity);
    }
}
