namespace Analyzer.Events;

/// <summary>
/// An event observer (see <see cref="AnalyzerPipeline.AddObserver"/>) that also follows the capture clock: the
/// learning stage closes its time windows by capture time and treats each capture as its own story.
/// </summary>
public interface ICaptureObserver
{
    void BeginCapture(string name);

    /// <summary>Capture (or, live, wall-clock) time has reached <paramref name="nowUs"/>.</summary>
    void Advance(long nowUs);

    /// <summary>The capture ended: whatever is still open is closed.</summary>
    void EndCapture();
}
