using System.Text;
using System.Xml;

namespace Analyzer.Decoding.Http;

/// <summary>
/// The one way HTTP bodies are read as XML: a <see cref="XmlReader"/> that never processes a DTD, never resolves
/// anything, never expands an entity, and stops at <see cref="MaxDepth"/>. DOCTYPE and ENTITY declarations are
/// found by a byte scan (the reader skips them) and reported as <see cref="XmlEvidence"/>.
/// </summary>
/// <remarks>
/// <see cref="XmlReaderSettings.MaxCharactersFromEntities"/> is set to a small positive number: in .NET, 0 means
/// "no limit". With <see cref="DtdProcessing.Ignore"/> no entity is declared, so a reference to one is an error
/// that stops reading; what was read before it is kept.
/// </remarks>
public static class SafeXml
{
    public const int MaxDepth = 64;
    public const int MaxNameLength = 256;
    private const long MaxCharactersFromEntities = 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = MaxCharactersFromEntities,
        // Bodies are capped before they get here; this only bounds what a reader could be handed by mistake.
        MaxCharactersInDocument = 16L * 1024 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
        CheckCharacters = false,
        ValidationType = ValidationType.None,
    };

    public static XmlReader Create(ReadOnlySpan<byte> body) =>
        XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), Settings);

    /// <summary>DOCTYPE / ENTITY declarations anywhere in the body (any case).</summary>
    public static (bool Doctype, bool Entity) ScanDeclarations(ReadOnlySpan<byte> body)
    {
        bool doctype = false, entity = false;
        int pos = 0;
        while (pos < body.Length)
        {
            int i = body[pos..].IndexOf("<!"u8);
            if (i < 0) break;
            var rest = body[(pos + i + 2)..];
            if (rest.Length >= 7 && Ascii.EqualsIgnoreCase(rest[..7], "DOCTYPE"u8)) doctype = true;
            if (rest.Length >= 6 && Ascii.EqualsIgnoreCase(rest[..6], "ENTITY"u8)) entity = true;
            pos += i + 2;
        }
        return (doctype, entity);
    }

    /// <summary>Text of an exception the reader threw, short and stable enough for a field.</summary>
    public static string Describe(XmlException e) => FieldText.Cap(e.Message, 200);

    /// <summary>
    /// Whether an exception out of a reader loop is the reader rejecting the body. The reader throws
    /// <see cref="XmlException"/> for malformed XML, but on .NET 10 also <see cref="ArgumentOutOfRangeException"/> from
    /// inside System.Xml for some bytes in the XML declaration (<c>&lt;?xml version="1.0\x8A"?&gt;</c>, found by fuzzing):
    /// both mean the body cannot be read, neither is a bug of ours.
    /// </summary>
    public static bool IsReaderFailure(Exception e) =>
        e is XmlException || (e is ArgumentException && e.StackTrace?.Contains("System.Xml.", StringComparison.Ordinal) == true);

    /// <summary>Text of any reader failure (<see cref="IsReaderFailure"/>).</summary>
    public static string Describe(Exception e) => e is XmlException x ? Describe(x) : "unreadable XML (" + e.GetType().Name + ")";
}
