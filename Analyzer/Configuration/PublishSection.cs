namespace Analyzer.Configuration;

/// <summary>
/// The <c>publish:</c> section: where and how a sensor publishes its records (the command line's <c>--publish</c>,
/// <c>--sensor-id</c> and <c>--publish-events</c> win over it).
/// </summary>
public sealed class PublishSection
{
    /// <summary>redis://HOST:PORT[/DB] or rediss:// (TLS).</summary>
    public string? Url { get; set; }
    /// <summary>The broker's password, kept out of the URL (and out of the process list).</summary>
    public string? Password { get; set; }
    public string? SensorId { get; set; }
    public bool? Events { get; set; }
    /// <summary>The spool directory; default ~/.local/state/upnp-analyzer/spool/SENSOR.</summary>
    public string? SpoolDirectory { get; set; }
    public long? SpoolCapMb { get; set; }
    /// <summary>Each stream is trimmed on the broker to about this many entries (MAXLEN ~).</summary>
    public int? StreamMaxLength { get; set; }
}
