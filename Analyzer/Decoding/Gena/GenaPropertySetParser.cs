using System.Text;
using System.Xml;
using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Gena;

/// <summary>
/// Reads the body of a GENA NOTIFY (UDA 2.0 §4.3.2) with <see cref="SafeXml"/>:
/// <code>
/// &lt;e:propertyset xmlns:e="urn:schemas-upnp-org:event-1-0"&gt;
///   &lt;e:property&gt;&lt;ExternalIPAddress&gt;203.0.113.5&lt;/ExternalIPAddress&gt;&lt;/e:property&gt; …
/// </code>
/// Never throws; an XML error ends the reading and is kept as evidence.
/// </summary>
public static class GenaPropertySetParser
{
    public const int MaxProperties = 32;

    public static List<GenaProperty> Parse(ReadOnlySpan<byte> body, out int total, out XmlEvidence evidence)
    {
        var properties = new List<GenaProperty>();
        total = 0;
        var (doctype, entity) = SafeXml.ScanDeclarations(body);
        bool tooDeep = false, longName = false;
        string? error = null;
        if (!body.IsEmpty)
        {
            try
            {
                using var reader = SafeXml.Create(body);
                var text = new StringBuilder();
                string? current = null;
                int currentDepth = -1, length = 0;
                while (reader.Read())
                {
                    switch (reader.NodeType)
                    {
                        case XmlNodeType.Element:
                            if (reader.Depth >= SafeXml.MaxDepth)
                            {
                                tooDeep = true;
                                goto done;
                            }
                            if (reader.LocalName.Length > SafeXml.MaxNameLength) longName = true;
                            // propertyset (0) / property (1) / variable (2)
                            if (current is null && reader.Depth == 2)
                            {
                                total++;
                                current = reader.LocalName;
                                currentDepth = 2;
                                text.Clear();
                                length = 0;
                                if (reader.IsEmptyElement)
                                {
                                    Add(properties, current, "", 0);
                                    current = null;
                                }
                            }
                            break;
                        case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                            if (current is not null)
                            {
                                string value = reader.Value;
                                length += value.Length;
                                int room = FieldText.MaxChars - text.Length;
                                if (room > 0) text.Append(value, 0, Math.Min(room, value.Length));
                            }
                            break;
                        case XmlNodeType.EndElement:
                            if (current is not null && reader.Depth == currentDepth)
                            {
                                Add(properties, current, text.ToString(), length);
                                current = null;
                            }
                            break;
                    }
                }
                done:;
            }
            catch (Exception e) when (SafeXml.IsReaderFailure(e))
            {
                error = SafeXml.Describe(e);
            }
        }
        evidence = new XmlEvidence(doctype, entity, tooDeep, longName, error);
        return properties;
    }

    private static void Add(List<GenaProperty> properties, string name, string value, int length)
    {
        if (properties.Count < MaxProperties) properties.Add(new GenaProperty(name, value, length));
    }
}
