namespace Analyzer.Labels;

/// <summary>
/// One row of <c>labels.csv</c>. A whole-file row has only <see cref="File"/>, <see cref="Label"/> and perhaps
/// <see cref="Scenario"/> and <see cref="Note"/>; an attack-instance row also says who attacked whom and when.
/// </summary>
/// <param name="File">Capture file name, relative to the directory of labels.csv.</param>
/// <param name="Label"><c>benign</c>, a category, or <c>mixed</c> (see <see cref="LabelNames"/>).</param>
/// <param name="Attacker">Source address of the attack packets as they appear on the wire (spoofed or not); empty
/// when they come from many sources.</param>
/// <param name="Victim">The address the attack packets are sent to.</param>
/// <param name="Start">First attack packet, UTC.</param>
/// <param name="End">Last attack packet (or its answer), UTC.</param>
/// <param name="Note">For instance rows the threat id from THREATS.md, optionally followed by "; " and details.</param>
public sealed record LabelRow(
    string File,
    string Label,
    string Scenario = "",
    string Attacker = "",
    string Victim = "",
    DateTime? Start = null,
    DateTime? End = null,
    string Note = "")
{
    /// <summary>True for a row that labels the whole capture rather than one attack inside it.</summary>
    public bool IsWholeFile => Start is null && End is null && Attacker.Length == 0 && Victim.Length == 0;

    /// <summary>The threat id of an instance row: its note up to the first ';'.</summary>
    public string Threat
    {
        get
        {
            int end = Note.IndexOf(';');
            return (end < 0 ? Note : Note[..end]).Trim();
        }
    }
}
