using System.Globalization;
using System.Text.Json;

namespace Analyzer.Output;

/// <summary>
/// The JSON type of a decoded message's fields. Decoders give every field as text (the CSV event log keeps them so);
/// JSON lines write the numbers the decoders computed (lengths, ports, counts, codes) as numbers and their flags
/// as booleans. A field is written typed only when its text really is of that type, so a header that happens to
/// share a name pattern stays a string: a line never claims a type its value does not have.
/// </summary>
public static class EventFieldTypes
{
    /// <summary>Flags the decoders write as "1" when set and leave out otherwise.</summary>
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal)
    {
        "auth_token", "body_truncated", "incomplete", "soapaction_quoted", "doctype", "entity", "xml_too_deep",
        "igd_action_unknown",
    };

    /// <summary>Numbers the decoders computed (not header values a device sent, which stay text).</summary>
    private static readonly HashSet<string> Integers = new(StringComparer.Ordinal)
    {
        "args_total", "body_len", "callback_count", "chunk_size_max", "devices_total", "duplicate_args", "epoch",
        "external_port", "headers", "internal_port", "length", "lifetime", "longest_header", "opcode", "options",
        "props_total", "protocol", "remote_port", "request_frame", "result_code", "services_total", "status", "version",
    };

    public static void Write(Utf8JsonWriter json, string name, string value)
    {
        if (Flags.Contains(name) && value == "1")
            json.WriteBoolean(name, true);
        else if (IsInteger(name) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
            json.WriteNumber(name, number);
        else
            json.WriteString(name, value);
    }

    /// <summary>Known numbers, lengths (<c>x_len</c>), and the numbered parts of lists (<c>callback_1_port</c>, <c>device_2_parent</c>, <c>service_3_device</c>).</summary>
    public static bool IsInteger(string name) =>
        Integers.Contains(name)
        || (name.EndsWith("_len", StringComparison.Ordinal) && !name.StartsWith("h_", StringComparison.Ordinal))
        || (name.StartsWith("callback_", StringComparison.Ordinal) && name.EndsWith("_port", StringComparison.Ordinal))
        || (name.StartsWith("device_", StringComparison.Ordinal) && name.EndsWith("_parent", StringComparison.Ordinal))
        || (name.StartsWith("service_", StringComparison.Ordinal) && name.EndsWith("_device", StringComparison.Ordinal));
}
