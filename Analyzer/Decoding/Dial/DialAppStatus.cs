namespace Analyzer.Decoding.Dial;

/// <summary>The application status document a DIAL server returns for GET /apps/&lt;name&gt; (DIAL 2.1 §6.1.2).</summary>
public sealed record DialAppStatus(string? Name, string? State, string? AllowStop, string? DialVersion, string? RunLink);
