using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Messages;

/// <summary>The formatting habits of one HTTP sender. Header names are case-insensitive and the space after the colon
/// optional (RFC 9112 §5.1), so decoders must accept every combination; scenarios pick them per client.</summary>
public sealed record HttpStyle(HeaderCase Case, bool SpaceAfterColon)
{
    public static HttpStyle Standard { get; } = new(HeaderCase.AsWritten, true);

    public static HttpStyle Choose(GenerationRandom random) => new(
        random.Pick([HeaderCase.AsWritten, HeaderCase.AsWritten, HeaderCase.Upper, HeaderCase.Lower]),
        !random.Chance(0.25));

    public string Name(string name) => Case switch
    {
        HeaderCase.Upper => name.ToUpperInvariant(),
        HeaderCase.Lower => name.ToLowerInvariant(),
        _ => name,
    };
}
