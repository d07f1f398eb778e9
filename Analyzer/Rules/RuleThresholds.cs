using System.Text.Json.Serialization;

namespace Analyzer.Rules;

/// <summary>
/// Named, tunable thresholds of the rules, with their documented defaults. Times are in seconds in the
/// configuration file (<c>thresholds:</c> section, snake_case names); every value must be positive.
/// </summary>
public sealed record RuleThresholds
{
    // ---- Alert aggregation ----

    /// <summary>Repeats of one rule on the same hosts within this window become one aggregated row.</summary>
    public double AggregationWindowSeconds { get; init; } = 300;

    [JsonIgnore]
    public long AggregationWindowUs => Micros(AggregationWindowSeconds);

    /// <summary>Most (rule, source, destination) windows kept open at once; the oldest is closed beyond it.</summary>
    public int MaxOpenAggregates { get; init; } = 10_000;

    // ---- SSDP ----

    /// <summary>An SSDP header value longer than this is an overflow attempt (libupnp copies into 180-byte buffers).</summary>
    public int SsdpMaxFieldLength { get; init; } = 180;

    /// <summary>An M-SEARCH <c>ST: uuid:</c> value this long or longer is the DD-WRT overflow (CVE-2021-27137).</summary>
    public int SsdpUuidStMaxLength { get; init; } = 128;

    /// <summary>An unterminated M-SEARCH this long or longer is the miniupnpd out-of-bounds read (CVE-2013-0229).</summary>
    public int SsdpUnterminatedMinLength { get; init; } = 1400;

    /// <summary>A NOTIFY LOCATION longer than this from a LAN host is the Windows SSDP overflow (MS01-059).</summary>
    public int SsdpLocationMaxLengthLan { get; init; } = 256;

    /// <summary>A NOTIFY LOCATION longer than this from a non-LAN host is the Windows SSDP overflow (MS01-059).</summary>
    public int SsdpLocationMaxLengthWan { get; init; } = 128;

    /// <summary>Seconds added to a search's MX during which unicast replies to the searcher are solicited.</summary>
    public double SsdpReplyMarginSeconds { get; init; } = 5;

    /// <summary>Broad searches (ssdp:all, upnp:rootdevice) from one non-LAN source that make a reflection attempt.</summary>
    public int SsdpAmplificationRequests { get; init; } = 2;

    /// <summary>Window for <see cref="SsdpAmplificationRequests"/> and for the reply/request byte ratio.</summary>
    public double SsdpAmplificationWindowSeconds { get; init; } = 60;

    [JsonIgnore]
    public long SsdpAmplificationWindowUs => Micros(SsdpAmplificationWindowSeconds);

    /// <summary>Reply bytes per request byte from a LAN responder to a non-LAN host that make it an amplifier.</summary>
    public double SsdpAmplificationRatio { get; init; } = 10;

    /// <summary>Reply bytes to a non-LAN host, within the window, below which the ratio is not judged.</summary>
    public int SsdpAmplificationMinReplyBytes { get; init; } = 3000;

    /// <summary>Distinct SSDP responders sending unsolicited replies to one host that make it a reflection victim.</summary>
    public int SsdpReflectionReflectors { get; init; } = 20;

    /// <summary>Window for <see cref="SsdpReflectionReflectors"/>.</summary>
    public double SsdpReflectionWindowSeconds { get; init; } = 10;

    [JsonIgnore]
    public long SsdpReflectionWindowUs => Micros(SsdpReflectionWindowSeconds);

    /// <summary>Unsolicited SSDP replies per second to one host that make it a reflection victim.</summary>
    public int SsdpReflectionRepliesPerSecond { get; init; } = 50;

    // ---- Port mappings (IGD SOAP, NAT-PMP, PCP) ----

    /// <summary>A mapping request unanswered this long is recorded as "no answer".</summary>
    public double MappingAnswerSeconds { get; init; } = 10;

    [JsonIgnore]
    public long MappingAnswerUs => Micros(MappingAnswerSeconds);

    /// <summary>Distinct (external port, transport) mappings one host asks for within the window that make a flood.</summary>
    public int MapFloodMappings { get; init; } = 30;

    /// <summary>Window for <see cref="MapFloodMappings"/>.</summary>
    public double MapFloodWindowSeconds { get; init; } = 60;

    [JsonIgnore]
    public long MapFloodWindowUs => Micros(MapFloodWindowSeconds);

    /// <summary>A NAT-PMP/PCP lifetime of this many seconds or more is a long-lived mapping.</summary>
    public long NatpmpLongLifetimeSeconds { get; init; } = 86_400;

    /// <summary>
    /// After a malformed PCP request goes unanswered, seconds of silence from the gateway (while other requests to
    /// it go unanswered too) that make it a crash (CVE-2019-12111).
    /// </summary>
    public double PcpCrashSilenceSeconds { get; init; } = 30;

    [JsonIgnore]
    public long PcpCrashSilenceUs => Micros(PcpCrashSilenceSeconds);

    /// <summary>Unsolicited announcements (PCP ANNOUNCE, NAT-PMP address) from one source within the window that make a flood.</summary>
    public int AnnounceFloodCount { get; init; } = 20;

    /// <summary>Window for <see cref="AnnounceFloodCount"/>.</summary>
    public double AnnounceFloodWindowSeconds { get; init; } = 60;

    [JsonIgnore]
    public long AnnounceFloodWindowUs => Micros(AnnounceFloodWindowSeconds);

    // ---- IGD SOAP control ----

    /// <summary>Distinct GetGenericPortMappingEntry indexes one host reads within the window that make a sweep.</summary>
    public int EnumSweepIndexes { get; init; } = 20;

    /// <summary>Distinct GetSpecificPortMappingEntry lookups one host makes within the window that make a sweep.</summary>
    public int EnumSpecificLookups { get; init; } = 50;

    /// <summary>Window for <see cref="EnumSweepIndexes"/> and <see cref="EnumSpecificLookups"/>.</summary>
    public double EnumWindowSeconds { get; init; } = 60;

    [JsonIgnore]
    public long EnumWindowUs => Micros(EnumWindowSeconds);

    /// <summary>Full-table sweeps (ended by fault 713) one host repeats within the repeat window that make a sweep.</summary>
    public int EnumSweepsPerHour { get; init; } = 3;

    /// <summary>Window for <see cref="EnumSweepsPerHour"/>.</summary>
    public double EnumSweepRepeatWindowSeconds { get; init; } = 3600;

    [JsonIgnore]
    public long EnumSweepRepeatWindowUs => Micros(EnumSweepRepeatWindowSeconds);

    /// <summary>A SOAPAction method name longer than this is the miniupnpd overflow (real ones are under 40).</summary>
    public int SoapActionMaxLength { get; init; } = 256;

    /// <summary>A MAC-address argument longer than this is the NETGEAR upnpd overflow (a MAC is 17 characters).</summary>
    public int SoapMacArgumentMaxLength { get; init; } = 30;

    // ---- GENA ----

    /// <summary>A callback URL longer than this is the miniupnpd event leak (CVE-2019-12107).</summary>
    public int GenaCallbackMaxLength { get; init; } = 512;

    /// <summary>A callback URL longer than this smuggles data out (CallStranger exfiltration, Zeek's 4096).</summary>
    public int GenaExfiltrationLength { get; init; } = 4096;

    /// <summary>A SID or UUID header this long or longer is the NETGEAR upnpd overflow (a SID is 41 characters).</summary>
    public int GenaSidMaxLength { get; init; } = 100;

    // ---- DIAL / Cast ----

    /// <summary>DIAL app launches one LAN host makes within the window that are more than a person casting.</summary>
    public int DialLaunches { get; init; } = 5;

    /// <summary>Window for <see cref="DialLaunches"/>.</summary>
    public double DialLaunchWindowSeconds { get; init; } = 60;

    [JsonIgnore]
    public long DialLaunchWindowUs => Micros(DialLaunchWindowSeconds);

    public static long Micros(double seconds) => (long)(seconds * 1_000_000);

    /// <summary>The first threshold that is not positive, as "snake_name must be positive", or null.</summary>
    public string? Validate()
    {
        foreach (var p in typeof(RuleThresholds).GetProperties())
        {
            if (!p.CanWrite) continue;
            double value = Convert.ToDouble(p.GetValue(this), System.Globalization.CultureInfo.InvariantCulture);
            if (!(value > 0)) return System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) + " must be positive";
        }
        return null;
    }
}
