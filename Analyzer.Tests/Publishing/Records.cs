using System.Text;
using Analyzer.Publishing;

namespace Analyzer.Tests.Publishing;

/// <summary>Small JSON records for publishing tests: <c>{"type":"alert","n":7}</c>.</summary>
internal static class Records
{
    public static byte[] Json(RecordType type, int n) =>
        Encoding.UTF8.GetBytes($"{{\"type\":\"{type.ToString().ToLowerInvariant()}\",\"n\":{n}}}");

    public static string Text(byte[] json) => Encoding.UTF8.GetString(json);

    public static SpooledRecord Spooled(RecordType type, long sequence, int n) => new(type, sequence, Json(type, n));
}
