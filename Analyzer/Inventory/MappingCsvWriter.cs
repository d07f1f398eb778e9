using System.Globalization;
using Analyzer.Output;
using Analyzer.Rules.Mapping;
using CsvHelper;

namespace Analyzer.Inventory;

/// <summary>
/// Writes the port-mapping ledger (<c>--mappings</c>), one row per mapping request (retransmissions counted in
/// <c>attempts</c>) and one per mapping seen to expire, flushed as written. Attacker text (description, internal
/// client) is cleaned and capped by <see cref="CsvText"/>; formula-looking cells are escaped by <see cref="CsvOutput"/>.
/// </summary>
public sealed class MappingCsvWriter : IDisposable
{
    /// <summary>The column contract, in order.</summary>
    public static readonly string[] Columns =
    [
        "time", "method", "action", "requester", "gateway", "transport", "external_port", "internal_client",
        "internal_port", "lease", "description", "outcome", "result_code", "result", "granted_external_port",
        "granted_lease", "external_address", "attempts", "file", "frame",
    ];

    public const string ExpireAction = "expire";
    public const string ExpiredOutcome = "expired";

    private readonly CsvWriter _csv;

    public MappingCsvWriter(string path)
    {
        _csv = CsvOutput.Open(path);
        _csv.WriteRecord(Columns);
        _csv.Flush();
    }

    public long Rows { get; private set; }

    public void WriteRequest(MappingRecord m, string? file)
    {
        var r = m.Request;
        var o = m.Outcome;
        WriteCommon(r.Packet.TimestampUs, r, MappingText.Name(r.Action));
        _csv.WriteField(MappingText.Name(o.Kind));
        _csv.WriteField(Text(o.Code));
        _csv.WriteField(CsvText.Clean(o.CodeName));
        _csv.WriteField(Text(o.ExternalPort));
        _csv.WriteField(Text(o.Lifetime));
        _csv.WriteField(o.ExternalAddress?.ToString() ?? "");
        _csv.WriteField(Text(m.Attempts));
        End(file, r.Packet.FrameNumber);
    }

    /// <summary>A granted mapping whose lifetime ran out at <paramref name="expiredUs"/> without renewal or deletion.</summary>
    public void WriteExpiry(MappingRecord granted, long expiredUs, string? file)
    {
        var r = granted.Request;
        WriteCommon(expiredUs, r, ExpireAction);
        _csv.WriteField(ExpiredOutcome);
        for (int i = 0; i < 3; i++) _csv.WriteField("");
        _csv.WriteField(Text(granted.Outcome.Lifetime ?? r.LeaseSeconds));
        _csv.WriteField(granted.Outcome.ExternalAddress?.ToString() ?? "");
        _csv.WriteField("");
        End(file, 0);
    }

    private void WriteCommon(long timeUs, MappingRequest r, string action)
    {
        _csv.WriteField(Timestamp.Format(timeUs));
        _csv.WriteField(MappingText.Name(r.Method));
        _csv.WriteField(action);
        _csv.WriteField(r.Requester.ToString());
        _csv.WriteField(r.Gateway.ToString());
        _csv.WriteField(r.Transport);
        _csv.WriteField(r.ExternalPortEnd is { } end ? $"{Text(r.ExternalPort)}-{Text(end)}" : Text(r.ExternalPort));
        _csv.WriteField(CsvText.Clean(r.InternalClientText ?? r.InternalClient?.ToString()));
        _csv.WriteField(Text(r.InternalPort));
        _csv.WriteField(Text(r.LeaseSeconds));
        _csv.WriteField(CsvText.Clean(r.Description));
    }

    private void End(string? file, long frame)
    {
        _csv.WriteField(file is null ? "" : CsvText.Clean(file));
        _csv.WriteField(frame == 0 ? "" : frame.ToString(CultureInfo.InvariantCulture));
        _csv.EndRecord();
        _csv.Flush();
        Rows++;
    }

    private static string Text<T>(T? value) where T : struct, IFormattable =>
        value is { } v ? v.ToString(null, CultureInfo.InvariantCulture) : "";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _csv.Dispose();
}
