using Analyzer.Generation.Capture;
using Analyzer.Labels;
using Analyzer.Generation.Scenarios;
using PacketDotNet;

namespace Analyzer.Generation;

/// <summary>One generated capture before it is written: its frames, link type, format and label rows.</summary>
public sealed record GeneratedCapture(
    IScenario Scenario,
    string FileName,
    CaptureFileFormat Format,
    LinkLayers LinkType,
    string InterfaceName,
    IReadOnlyList<GeneratedFrame> Frames,
    IReadOnlyList<LabelRow> Labels);
