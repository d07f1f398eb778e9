using System.Globalization;
using System.Text;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Mapping;

/// <summary>How mappings read in alert summaries and the ledger: names, a one-line description, the outcome.</summary>
public static class MappingText
{
    public static string Name(MappingMethod method) => method switch
    {
        MappingMethod.Igd => "igd",
        MappingMethod.NatPmp => "natpmp",
        MappingMethod.Pcp => "pcp",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static string Name(MappingAction action) => action switch
    {
        MappingAction.Add => "add",
        MappingAction.AddAny => "add-any",
        MappingAction.Delete => "delete",
        MappingAction.DeleteRange => "delete-range",
        MappingAction.DeleteAll => "delete-all",
        MappingAction.Peer => "peer",
        MappingAction.AddPinhole => "add-pinhole",
        MappingAction.UpdatePinhole => "update-pinhole",
        MappingAction.DeletePinhole => "delete-pinhole",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static string Name(MappingOutcomeKind kind) => kind switch
    {
        MappingOutcomeKind.Granted => "granted",
        MappingOutcomeKind.Refused => "refused",
        MappingOutcomeKind.NoAnswer => "no_answer",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>e.g. <c>igd AddPortMapping TCP 47669 → 192.168.10.212:445, lease 0 (permanent), 'galleta silenciosa'</c>.</summary>
    public static string Describe(MappingRequest r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(Name(r.Method)).Append(' ').Append(r.ActionName);
        if (r.Transport.Length > 0) sb.Append(' ').Append(r.Transport.ToUpperInvariant());
        if (r.ExternalPort is { } ext) sb.Append(inv, $" {ext}");
        if (r.ExternalPortEnd is { } end) sb.Append(inv, $"-{end}");
        var client = r.InternalClient is { } address
            ? (address.IsV6 ? $"[{address}]" : address.ToString())
            : r.InternalClientText is { } text ? Evidence.Quote(text, -1, 80) : null;
        if (client is not null || r.InternalPort is not null)
            sb.Append(" → ").Append(client ?? "?").Append(':').Append(r.InternalPort?.ToString(inv) ?? "?");
        if (r.LeaseSeconds is { } lease)
            sb.Append(inv, $", lease {lease}").Append(r.IsPermanent ? " (permanent)" : "");
        if (r.Description is not null) sb.Append(", ").Append(Evidence.Quote(r.Description, -1, 80));
        if (r.ThirdParty is { } third) sb.Append(", THIRD_PARTY ").Append(third);
        return sb.ToString();
    }

    /// <summary>e.g. <c>granted (external port 47669, lifetime 3600 s)</c>, <c>refused: 718 ConflictInMappingEntry</c>, <c>no answer seen</c>.</summary>
    public static string Outcome(MappingRecord m)
    {
        var inv = CultureInfo.InvariantCulture;
        var o = m.Outcome;
        var text = o.Kind switch
        {
            MappingOutcomeKind.Granted => "granted" + Granted(o),
            MappingOutcomeKind.Refused => string.Create(inv, $"refused: {o.Code} {o.CodeName}").TrimEnd(),
            _ => "no answer seen",
        };
        return m.Attempts > 1 ? string.Create(inv, $"{text} (sent {m.Attempts} times)") : text;
    }

    private static string Granted(MappingOutcome o)
    {
        var parts = new List<string>();
        if (o.ExternalPort is { } port) parts.Add(string.Create(CultureInfo.InvariantCulture, $"external port {port}"));
        if (o.Lifetime is { } lifetime) parts.Add(string.Create(CultureInfo.InvariantCulture, $"lifetime {lifetime} s"));
        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }

    /// <summary>The rule's severity, one step lower (never below low) when the gateway refused the mapping.</summary>
    public static Severity Judge(Severity severity, MappingRecord m) =>
        m.Outcome.Kind == MappingOutcomeKind.Refused && severity > Severity.Low ? severity - 1 : severity;

    /// <summary>The protocol label alerts about this mapping carry.</summary>
    public static string Protocol(MappingRequest r) => r.Method switch
    {
        MappingMethod.Igd => ProtocolNames.Soap,
        MappingMethod.NatPmp => ProtocolNames.NatPmp,
        _ => ProtocolNames.Pcp,
    };
}
