namespace Analyzer.Output;

/// <summary>How every output file of a run is written (<c>--format</c>).</summary>
public enum OutputFormat
{
    Csv,
    /// <summary>One JSON object per line, UTF-8, in the style of Suricata's EVE.</summary>
    JsonLines,
}
