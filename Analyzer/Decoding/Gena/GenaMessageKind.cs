namespace Analyzer.Decoding.Gena;

/// <summary>What a <see cref="GenaMessage"/> is, for rules to match on; <see cref="GenaMessage.Kind"/> keeps the text written to outputs.</summary>
public enum GenaMessageKind : byte
{
    Other,
    Subscribe,
    Unsubscribe,
    Notify,
    Response,
}
