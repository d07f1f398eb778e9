namespace Analyzer.Generation.Messages;

/// <summary>How a sender spells header names: stacks differ (miniupnpd "Content-Type", SSDP "CACHE-CONTROL", scripts "soapaction").</summary>
public enum HeaderCase : byte
{
    /// <summary>As written by the message builder (each stack's own spelling).</summary>
    AsWritten,
    Upper,
    Lower,
}
