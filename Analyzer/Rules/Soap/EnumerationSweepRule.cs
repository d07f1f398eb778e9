using System.Globalization;
using Analyzer.Decoding;
using Analyzer.Decoding.Soap;
using Analyzer.Events;
using Analyzer.Output;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>igd-enum-sweep</c>: a host reading the router's port-mapping table wholesale. GetGenericPortMappingEntry
/// over more than 20 indexes, or GetSpecificPortMappingEntry for more than 50 mappings, within 60 s; or a LAN host
/// repeating whole-table sweeps (each ended by fault 713, SpecifiedArrayIndexInvalid) more than three times an hour.
/// `upnpc -l`, router pages and torrent clients read a small table once and never fire. From outside the LAN any
/// such request is <see cref="ControlFromWanRule"/>'s.
/// </summary>
public sealed class EnumerationSweepRule : IRule
{
    public static readonly RuleInfo Rule = new("igd-enum-sweep", AlertCategory.Recon, Severity.Medium,
        "Port-mapping table enumeration: 20+ GetGenericPortMappingEntry indexes or 50+ GetSpecificPortMappingEntry lookups in 60 s, or 3+ full sweeps an hour");

    public const int MaxRequesters = 1024;
    public const string ArrayIndexInvalid = "713";

    private sealed class Requester(int indexes, int lookups, int sweeps)
    {
        public readonly DistinctWindow<int> Indexes = new(indexes + 1);
        public readonly DistinctWindow<string> Lookups = new(lookups + 1);
        public readonly RecentTimes Sweeps = new(sweeps);
        public long MutedUntil = long.MinValue;
    }

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
                int n = who.Indexes.Add(index, now, t.EnumWindowUs);
                if (n >= t.EnumSweepIndexes) Raise(r.Packet, who, $"{n} GetGenericPortMappingEntry indexes within {Evidence.Seconds(t.EnumWindowUs)}", context);
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
        }
    }

    private Requester For(NetAddress host, RuleThresholds t) =>
        _requesters.GetOrAdd(host, () => new Requester(t.EnumSweepIndexes, t.EnumSpecificLookups, t.EnumSweepsPerHour));

    private static void Raise(in PacketInfo request, Requester who, string what, RuleContext context)
    {
        if (request.TimestampUs < who.MutedUntil) return;
        who.MutedUntil = request.TimestampUs + context.Thresholds.EnumWindowUs;
        context.Raise(Rule, request, "soap", $"{request.Src} enumerates the port-mapping table of {request.Dst}: {what}");
    }
}
