namespace Analyzer.Publishing;

/// <summary>
/// The identity of a record of an offline run, the same each time the same capture is analyzed the same way: the
/// key of its capture (<see cref="CaptureKeys"/>) and its place among that capture's records of its type, from 1.
/// A live sensor's records have none: the sensor's sequence number identifies them.
/// </summary>
public readonly record struct RecordKey(string Capture, long Index)
{
    /// <summary>Capture keys are 32 hex digits; a key longer than this on the wire is not one of ours.</summary>
    public const int MaxCaptureLength = 64;

    /// <summary>Printable ASCII without spaces, 1 to <see cref="MaxCaptureLength"/> characters.</summary>
    public static bool IsValidCapture(string capture)
    {
        if (capture.Length is 0 or > MaxCaptureLength) return false;
        foreach (var c in capture)
            if (c is <= ' ' or >= (char)0x7F) return false;
        return true;
    }
}
