namespace Analyzer.Decoding.Http;

/// <summary>
/// What an XML body shows beyond its content: UPnP never needs a DTD, so a DOCTYPE or ENTITY declaration is
/// evidence (XXE, entity expansion); so are nesting beyond <see cref="SafeXml.MaxDepth"/>, names longer than
/// <see cref="SafeXml.MaxNameLength"/>, and text the reader rejects.
/// </summary>
public readonly record struct XmlEvidence(bool Doctype, bool Entity, bool TooDeep, bool LongName, string? Error)
{
    public bool Any => Doctype || Entity || TooDeep || LongName || Error is not null;

    public void AddTo(List<KeyValuePair<string, string>> fields)
    {
        FieldText.AddFlag(fields, "doctype", Doctype);
        FieldText.AddFlag(fields, "entity", Entity);
        FieldText.AddFlag(fields, "xml_too_deep", TooDeep);
        FieldText.AddFlag(fields, "xml_long_name", LongName);
        FieldText.AddCapped(fields, "xml_error", Error);
    }
}
