namespace Analyzer.Census;

/// <summary>One alert as the census reads it (a row of the alert file).</summary>
public sealed record AlertRow(long TimeUs, string Rule, string Category, string Severity, string SrcIp, string DstIp, string Protocol, string Summary);
