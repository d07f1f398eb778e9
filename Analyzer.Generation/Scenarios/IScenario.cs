using Analyzer.Generation.Capture;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// One kind of capture the generator writes: benign home traffic, or an attack inside benign background traffic.
/// Implementations hold no state; everything a run needs comes in the <see cref="ScenarioContext"/>.
/// </summary>
public interface IScenario
{
    /// <summary>Kebab-case name, also the capture's file name without extension.</summary>
    string Name { get; }

    /// <summary>One line for <c>analyzer generate --list</c>.</summary>
    string Description { get; }

    /// <summary>The whole-file label: <c>benign</c>, a category, or <c>mixed</c>.</summary>
    string Label { get; }

    /// <summary>The format this capture must have when the user does not force one (null: the seed decides).</summary>
    CaptureFileFormat? PinnedFormat => null;

    void Generate(ScenarioContext context);
}
