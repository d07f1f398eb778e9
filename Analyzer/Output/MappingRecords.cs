using Analyzer.Rules.Mapping;

namespace Analyzer.Output;

/// <summary>
/// The port-mapping ledger (<c>--mappings</c>): one row per mapping request (retransmissions counted in
/// <c>attempts</c>) and one per mapping seen to expire. Attacker text (description, internal client) is untrusted.
/// </summary>
public static class MappingRecords
{
    public const string EventType = "mapping";
    public const string ExpireAction = "expire";
    public const string ExpiredOutcome = "expired";

    public static readonly RecordLayout<MappingRow> Layout = new(EventType,
    [
        new("time", r => Cell.Time(r.ExpiredUs ?? r.Record.Request.Packet.TimestampUs), EveEnvelope.Timestamp),
        new("method", r => Cell.Text(MappingText.Name(r.Record.Request.Method))),
        new("action", r => Cell.Text(r.IsExpiry ? ExpireAction : MappingText.Name(r.Record.Request.Action))),
        new("requester", r => Cell.Text(r.Record.Request.Requester.ToString()), EveEnvelope.SrcIp),
        new("gateway", r => Cell.Text(r.Record.Request.Gateway.ToString()), EveEnvelope.DestIp),
        new("transport", r => Cell.Text(r.Record.Request.Transport)),
        new("external_port", r => ExternalPort(r.Record.Request)),
        new("internal_client", r => Cell.Untrusted(r.Record.Request.InternalClientText ?? r.Record.Request.InternalClient?.ToString())),
        new("internal_port", r => Cell.Integer(r.Record.Request.InternalPort)),
        new("lease", r => Cell.Integer(r.Record.Request.LeaseSeconds)),
        new("description", r => Cell.Untrusted(r.Record.Request.Description)),
        new("outcome", r => Cell.Text(r.IsExpiry ? ExpiredOutcome : MappingText.Name(r.Record.Outcome.Kind))),
        new("result_code", r => r.IsExpiry ? Cell.Empty : Cell.Integer(r.Record.Outcome.Code)),
        new("result", r => r.IsExpiry ? Cell.Empty : Cell.Untrusted(r.Record.Outcome.CodeName)),
        new("granted_external_port", r => r.IsExpiry ? Cell.Empty : Cell.Integer(r.Record.Outcome.ExternalPort)),
        new("granted_lease", r => Cell.Integer(r.IsExpiry ? r.Record.Outcome.Lifetime ?? r.Record.Request.LeaseSeconds : r.Record.Outcome.Lifetime)),
        new("external_address", r => Cell.Text(r.Record.Outcome.ExternalAddress?.ToString())),
        new("attempts", r => r.IsExpiry ? Cell.Empty : Cell.Integer(r.Record.Attempts)),
        new("file", r => Cell.Untrusted(r.File)),
        new("frame", r => r.IsExpiry || r.Record.Request.Packet.FrameNumber == 0 ? Cell.Empty : Cell.Integer(r.Record.Request.Packet.FrameNumber)),
    ]);

    public static string[] Columns => Layout.CsvHeader;

    /// <summary>A port, or a range "first-last" (PCP), which stays text.</summary>
    private static Cell ExternalPort(MappingRequest r) =>
        r.ExternalPortEnd is { } end
            ? Cell.Text(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.ExternalPort}-{end}"))
            : Cell.Integer(r.ExternalPort);
}
