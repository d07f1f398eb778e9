namespace Analyzer.Census;

/// <summary>One decoded UPnP-family message (a row of the event log): when, which protocol and kind, between whom.</summary>
public sealed record MessageRow(long TimeUs, string Protocol, string Message, string SrcIp, string DstIp);
