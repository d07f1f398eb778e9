using System.Buffers;

namespace Analyzer.Rules.Text;

/// <summary>
/// Shell syntax and the downloader commands IoT botnets inject (THREATS.md: ssdp-header-injection,
/// soap-realtek-miniigd-injection, soap-huawei-hg532-upgrade), for fields that never legitimately hold them.
/// </summary>
public static class ShellInjection
{
    private static readonly string[] Syntax = ["`", "$(", "${", ";", "|", "&&", "\n", "\r"];

    private static readonly string[] Substitution = ["`", "$(", "${"];

    private static readonly string[] Commands =
        ["wget ", "wget+", "curl ", "busybox", "telnetd", "tftp ", "chmod ", "/bin/sh", "/tmp/", "nc -", "rm -"];

    private static readonly SearchValues<string> SyntaxValues = SearchValues.Create(Syntax, StringComparison.Ordinal);
    private static readonly SearchValues<string> SubstitutionValues = SearchValues.Create(Substitution, StringComparison.Ordinal);
    private static readonly SearchValues<string> CommandValues = SearchValues.Create(Commands, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first shell syntax found in <paramref name="value"/> (leftmost), else the first command, or null.</summary>
    public static string? Find(string? value) =>
        string.IsNullOrEmpty(value) ? null : Marker(value, SyntaxValues, Syntax, StringComparison.Ordinal) ?? Marker(value, CommandValues, Commands, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Command substitution or a downloader command, but not a bare ';' or '|': for free-text fields (descriptions,
    /// names) where separators occur legitimately.
    /// </summary>
    public static string? FindCommand(string? value) =>
        string.IsNullOrEmpty(value) ? null : Marker(value, SubstitutionValues, Substitution, StringComparison.Ordinal) ?? Marker(value, CommandValues, Commands, StringComparison.OrdinalIgnoreCase);

    private static string? Marker(string value, SearchValues<string> values, string[] markers, StringComparison comparison)
    {
        int at = value.AsSpan().IndexOfAny(values);
        if (at < 0) return null;
        foreach (var m in markers)
            if (value.AsSpan(at).StartsWith(m, comparison)) return m.Trim();
        return null;
    }
}
