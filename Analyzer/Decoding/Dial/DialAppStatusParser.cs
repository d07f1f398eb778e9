using System.Xml;
using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Dial;

/// <summary>
/// Reads a DIAL application status document with <see cref="SafeXml"/>:
/// <code>
/// &lt;service xmlns="urn:dial-multiscreen-org:schemas:dial" dialVer="2.1"&gt;
///   &lt;name&gt;YouTube&lt;/name&gt;&lt;options allowStop="true"/&gt;&lt;state&gt;running&lt;/state&gt;&lt;link rel="run" href="run"/&gt;
/// </code>
/// Returns null when the body is not one. Never throws.
/// </summary>
public static class DialAppStatusParser
{
    public static DialAppStatus? Parse(ReadOnlySpan<byte> body, out XmlEvidence evidence)
    {
        var (doctype, entity) = SafeXml.ScanDeclarations(body);
        string? name = null, state = null, allowStop = null, version = null, link = null, error = null;
        bool isService = false, tooDeep = false;
        if (!body.IsEmpty)
        {
            try
            {
                using var reader = SafeXml.Create(body);
                reader.Read();
                while (!reader.EOF)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                        continue;
                    }
                    if (reader.Depth >= SafeXml.MaxDepth)
                    {
                        tooDeep = true;
                        break;
                    }
                    if (reader.Depth == 0)
                    {
                        if (reader.LocalName != "service") break;
                        isService = true;
                        version = Cap(reader.GetAttribute("dialVer"));
                    }
                    else if (reader.Depth == 1)
                    {
                        // ReadElementContentAsString moves to the node after the element: do not Read() again.
                        switch (reader.LocalName)
                        {
                            case "name" when name is null:
                                name = Cap(reader.ReadElementContentAsString());
                                continue;
                            case "state" when state is null:
                                state = Cap(reader.ReadElementContentAsString());
                                continue;
                            case "options":
                                allowStop ??= Cap(reader.GetAttribute("allowStop"));
                                break;
                            case "link":
                                link ??= Cap(reader.GetAttribute("href"));
                                break;
                        }
                    }
                    reader.Read();
                }
            }
            catch (Exception e) when (SafeXml.IsReaderFailure(e))
            {
                error = SafeXml.Describe(e);
            }
        }
        evidence = new XmlEvidence(doctype, entity, tooDeep, false, error);
        return isService ? new DialAppStatus(name, state, allowStop, version, link) : null;
    }

    private static string? Cap(string? value) => value is null ? null : FieldText.Cap(value);
}
