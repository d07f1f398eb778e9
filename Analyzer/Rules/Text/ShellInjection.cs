namespace Analyzer.Rules.Text;

/// <summary>
/// Shell syntax and the downloader commands IoT botnets inject (THREATS.md: ssdp-header-injection,
/// soap-realtek-miniigd-injection, soap-huawei-hg532-upgrade), for fields that never legitimately hold them.
/// </summary>
public static class ShellInjection
{
    private static readonly string[] Syntax = ["`", "$(", "${", ";", "|", "&&", "\n", "\r"];

    private static readonly string[] Commands =
        ["wget ", "wget+", "curl ", "busybox", "telnetd", "tftp ", "chmod ", "/bin/sh", "/tmp/", "nc -", "rm -"];

    private static readonly string[] Substitution = ["`", "$(", "${"];

    /// <summary>
    /// Command substitution or a downloader command, but not a bare ';' or '|': for free-text fields (descriptions,
    /// names) where separators occur legitimately.
    /// </summary>
    public static string? FindCommand(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        foreach (var s in Substitution)
            if (value.Contains(s, StringComparison.Ordinal)) return s;
        foreach (var c in Commands)
            if (value.Contains(c, StringComparison.OrdinalIgnoreCase)) return c.Trim();
        return null;
    }

    /// <summary>The first marker found in <paramref name="value"/>, or null.</summary>
    public static string? Find(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        foreach (var s in Syntax)
            if (value.Contains(s, StringComparison.Ordinal)) return s;
        foreach (var c in Commands)
            if (value.Contains(c, StringComparison.OrdinalIgnoreCase)) return c.Trim();
        return null;
    }
}
