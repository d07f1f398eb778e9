namespace Analyzer.Decoding.Dial;

/// <summary>What a <see cref="DialMessage"/> is, for rules to match on; <see cref="DialMessage.Kind"/> keeps the text written to outputs.</summary>
public enum DialMessageKind : byte
{
    /// <summary>A request with another method (its name is the <see cref="DialMessage.Kind"/>).</summary>
    Other,
    Launch,
    Stop,
    Status,
    Hide,
    DialData,
    DeviceDescription,
    Response,
}
