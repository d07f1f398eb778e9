namespace Analyzer.Tests.Architecture;

/// <summary>
/// The rooms of the library and of the capture generator beside it (one namespace each, one folder each) and the
/// rooms each may use. Every arrow points down the pipeline (docs/architecture.md): a room never uses a room that
/// uses it, so no two rooms depend on each other both ways. A new folder must be added here, with the rooms it may use, before it builds.
/// </summary>
public static class Rooms
{
    private static readonly string[] Decoders =
    [
        "Decoding", "Decoding.Link", "Decoding.Ip", "Decoding.Http", "Decoding.Ssdp", "Decoding.NatPmp", "Decoding.Soap",
        "Decoding.Gena", "Decoding.Dial", "Decoding.Cast", "Decoding.Description", "Decoding.HttpFamily",
    ];

    private static readonly string[] RuleFolders =
        ["Rules.Banners", "Rules.Cast", "Rules.Gena", "Rules.Mapping", "Rules.NatPmp", "Rules.Soap", "Rules.Ssdp", "Rules.Text"];

    // What every stage that judges decoded traffic may read: the decoders' events and the knowledge rooms.
    private static readonly string[] Knowledge = [.. Decoders, "Reassembly", "Network", "Mapping", "Banners"];

    // Packets, Events, Alerts, Text and State are the floor: anything may use them. Alerts holds what every stage that
    // raises alerts hands on (Alert, Severity, AlertCategory, IAlertSink).
    private static readonly string[] Floor = ["Packets", "Events", "Alerts", "Text", "State"];

    // What the output stage writes: every record the stages above it produce.
    private static readonly string[] Recorded = [.. Knowledge, "Flows", "Inventory", "Rules"];

    private static readonly string[] GeneratorParts =
        ["Generation.Randomness", "Generation.Capture", "Generation.Packets", "Generation.Network", "Generation.Messages"];

    /// <summary>Each room and the rooms it may use (besides itself).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>
    {
        ["Packets"] = [],
        ["Text"] = [],
        ["State"] = [],
        ["Events"] = ["Packets"],
        ["Alerts"] = ["Packets"],
        // Output writes the records of every stage; nothing below it uses it.
        ["Output"] = [.. Floor, .. Recorded],
        ["Output.Report"] = [.. Floor, .. Recorded, "Output", "Census"],
        // Evidence pcaps: packets kept per flow and written when an alert names them.
        ["AlertPackets"] = [.. Floor, "Decoding.Link", "Capture", "Flows"],
        // The census reads an analysis's records back (inventory, ledger, alerts) and the banner knowledge.
        ["Census"] = [.. Floor, .. Recorded, "Output", "Capture", "Pipeline"],
        // Publishing sends records the output stage made; it knows no stage.
        ["Publishing"] = Floor,
        ["Capture"] = [.. Floor, "Decoding.Link"],
        ["Decoding"] = Floor,
        ["Decoding.Ip"] = [.. Floor, "Decoding"],
        ["Decoding.Link"] = [.. Floor, "Decoding", "Decoding.Ip"],
        // Reassembly drives the TCP analyzers through its registry (ITcpStreamAnalyzer) and knows none of them: the
        // HTTP family, which implements the contract, uses Reassembly, never the reverse.
        ["Reassembly"] = Floor,
        ["Decoding.Http"] = [.. Floor, "Decoding", "Reassembly"],
        ["Decoding.Ssdp"] = [.. Floor, "Decoding", "Decoding.Http"],
        ["Decoding.NatPmp"] = [.. Floor, "Decoding"],
        ["Decoding.Soap"] = [.. Floor, "Decoding", "Decoding.Http"],
        ["Decoding.Gena"] = [.. Floor, "Decoding", "Decoding.Http"],
        ["Decoding.Dial"] = [.. Floor, "Decoding", "Decoding.Http"],
        ["Decoding.Cast"] = [.. Floor, "Decoding", "Decoding.Http"],
        ["Decoding.Description"] = [.. Floor, "Decoding", "Decoding.Http"],
        ["Decoding.HttpFamily"] = [.. Floor, .. Decoders.Where(d => d != "Decoding.HttpFamily"), "Reassembly"],
        ["Network"] = [.. Floor, .. Decoders],
        ["Mapping"] = [.. Floor, .. Decoders, "Network"],
        ["Banners"] = [.. Floor, .. Decoders],
        ["Flows"] = Floor,
        ["Rules"] = [.. Floor, .. Knowledge, "Flows"],
        ["Rules.Text"] = [.. Floor, "Decoding"],
        ["Rules.Banners"] = [.. Floor, .. Knowledge, "Flows", "Rules", "Rules.Text"],
        ["Rules.Cast"] = [.. Floor, .. Knowledge, "Flows", "Rules", "Rules.Text"],
        ["Rules.Gena"] = [.. Floor, .. Knowledge, "Flows", "Rules", "Rules.Text"],
        ["Rules.Mapping"] = [.. Floor, .. Knowledge, "Flows", "Rules", "Rules.Text"],
        ["Rules.NatPmp"] = [.. Floor, .. Knowledge, "Flows", "Rules", "Rules.Text"],
        // SOAP rules share the GENA rules' callback reading (CallStranger arrives over SUBSCRIBE and SOAP alike).
        ["Rules.Soap"] = [.. Floor, .. Knowledge, "Flows", "Rules", "Rules.Text", "Rules.Gena"],
        ["Rules.Ssdp"] = [.. Floor, .. Knowledge, "Flows", "Rules", "Rules.Text"],
        ["Rules.BuiltIn"] = ["Rules", .. RuleFolders],
        // The ledger times mapping answers with the rules' threshold (RuleThresholds.MappingAnswerUs).
        ["Inventory"] = [.. Floor, .. Knowledge, "Rules"],
        ["Learning"] = [.. Floor, .. Knowledge, "Capture", "Labels"],
        // The pipeline hands the output layer's records to a publisher (Publishing) beside the files.
        ["Pipeline"] = [.. Floor, .. Knowledge, "Capture", "Output", "Flows", "Rules", "Rules.BuiltIn", "Inventory", "Learning", "AlertPackets", "Publishing"],
        ["Configuration"] = [.. Floor, .. Knowledge, "Output", "Rules", "Rules.BuiltIn", "Pipeline"],
        // The labels of captures (labels.csv): written by the generator, read by training.
        ["Labels"] = Floor,

        // The synthetic capture generator (its own assembly, Analyzer.Generation) uses the library; nothing in the
        // library uses it. Frames are written by Generation.Capture, built by Generation.Packets; the simulated
        // network and its devices (Generation.Network) are what messages (Generation.Messages) describe; scenarios
        // play them out, and the root (CaptureGenerator) runs scenarios into files with their labels. Every part draws
        // its randomness from one seeded source (Generation.Randomness).
        ["Generation.Randomness"] = [],
        ["Generation.Capture"] = [.. Floor, "Capture"],
        ["Generation.Packets"] = [.. Floor, "Generation.Randomness", "Generation.Capture"],
        ["Generation.Network"] = [.. Floor, "Generation.Randomness", "Generation.Packets"],
        ["Generation.Messages"] = [.. Floor, "Generation.Randomness", "Generation.Network"],
        ["Generation.Scenarios"] = [.. Floor, "Labels", .. GeneratorParts],
        ["Generation"] = [.. Floor, "Labels", .. GeneratorParts, "Generation.Scenarios"],
    };

    /// <summary>The namespace of a room.</summary>
    public static string Namespace(string room) => "Analyzer." + room;
}
