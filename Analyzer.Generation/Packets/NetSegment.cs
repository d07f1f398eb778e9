namespace Analyzer.Generation.Packets;

/// <summary>Which side of the home router a host lives on; it decides the link a frame is seen on and its MACs.</summary>
public enum NetSegment : byte
{
    Lan,
    Wan,
}
