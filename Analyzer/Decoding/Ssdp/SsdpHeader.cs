namespace Analyzer.Decoding.Ssdp;

/// <summary>
/// One header line as it came: <see cref="Name"/> in its original case, <see cref="Value"/> cut to
/// <see cref="SsdpParser.MaxValueBytes"/> bytes, <see cref="RawLength"/> the value's real length in bytes (overlong
/// values are exploit evidence, so the length survives the cut).
/// </summary>
public readonly record struct SsdpHeader(string Name, string Value, int RawLength, SsdpHeaderId Id);
