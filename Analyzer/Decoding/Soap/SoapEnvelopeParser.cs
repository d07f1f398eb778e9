using System.Text;
using System.Xml;
using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Soap;

/// <summary>
/// Reads a SOAP 1.1 envelope (UDA 2.0 §3.2) with <see cref="SafeXml"/>, matching elements by local name so any
/// namespace prefix works:
/// <code>
/// &lt;s:Envelope&gt;&lt;s:Body&gt;
///   &lt;u:AddPortMapping xmlns:u="urn:schemas-upnp-org:service:WANIPConnection:1"&gt;   ← action (or &lt;Action&gt;Response)
///     &lt;NewExternalPort&gt;8080&lt;/NewExternalPort&gt; …                                ← arguments
///   &lt;s:Fault&gt;… &lt;detail&gt;&lt;UPnPError&gt;&lt;errorCode&gt;718&lt;/errorCode&gt;&lt;errorDescription&gt;…     ← or a fault
/// </code>
/// Never throws: an XML error ends the reading and is kept as evidence with what was read before it.
/// </summary>
public static class SoapEnvelopeParser
{
    public const int MaxArguments = 32;

    private enum Capture : byte { None, Argument, FaultCode, FaultString, ErrorCode, ErrorDescription }

    public static SoapEnvelope Parse(ReadOnlySpan<byte> body)
    {
        var envelope = new SoapEnvelope();
        var (doctype, entity) = SafeXml.ScanDeclarations(body);
        var walk = new Walk();
        string? error = null;
        if (!body.IsEmpty)
        {
            try
            {
                using var reader = SafeXml.Create(body);
                walk.Run(reader, envelope);
            }
            catch (Exception e) when (SafeXml.IsReaderFailure(e))
            {
                error = SafeXml.Describe(e);
            }
        }
        envelope.Evidence = new XmlEvidence(doctype, entity, walk.TooDeep, walk.LongName, error);
        return envelope;
    }

    private sealed class Walk
    {
        private readonly StringBuilder _text = new();
        private int _textLength;
        private Capture _capture;
        private int _captureDepth;
        private string _argumentName = "";

        public bool TooDeep;
        public bool LongName;

        public void Run(XmlReader reader, SoapEnvelope envelope)
        {
            int envelopeDepth = -1, bodyDepth = -1, actionDepth = -1;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                    {
                        int depth = reader.Depth;
                        if (depth >= SafeXml.MaxDepth)
                        {
                            TooDeep = true;
                            return;
                        }
                        string name = reader.LocalName;
                        if (name.Length > SafeXml.MaxNameLength) LongName = true;
                        if (envelope.ActionName is null)
                        {
                            if (envelopeDepth < 0 && name == "Envelope")
                            {
                                envelope.HasEnvelope = true;
                                envelopeDepth = depth;
                            }
                            else if (envelopeDepth >= 0 && bodyDepth < 0 && depth == envelopeDepth + 1 && name == "Body")
                            {
                                envelope.HasBody = true;
                                bodyDepth = depth;
                            }
                            else if (bodyDepth >= 0 && depth == bodyDepth + 1)
                            {
                                envelope.ActionName = name;
                                envelope.ActionNamespace = reader.NamespaceURI;
                                envelope.IsFault = name == "Fault";
                                actionDepth = depth;
                            }
                        }
                        else if (_capture == Capture.None && actionDepth >= 0 && depth > actionDepth)
                        {
                            var capture = envelope.IsFault ? FaultPart(name) : depth == actionDepth + 1 ? Capture.Argument : Capture.None;
                            if (capture == Capture.Argument) envelope.ArgumentCount++;
                            if (capture != Capture.None) Begin(capture, name, depth);
                            if (capture != Capture.None && reader.IsEmptyElement) End(envelope);
                        }
                        break;
                    }
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        if (_capture != Capture.None) Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement:
                        if (_capture != Capture.None && reader.Depth == _captureDepth) End(envelope);
                        break;
                }
            }
        }

        private static Capture FaultPart(string name) => name switch
        {
            "faultcode" => Capture.FaultCode,
            "faultstring" => Capture.FaultString,
            "errorCode" => Capture.ErrorCode,
            "errorDescription" => Capture.ErrorDescription,
            _ => Capture.None,
        };

        private void Begin(Capture capture, string name, int depth)
        {
            _capture = capture;
            _captureDepth = depth;
            _argumentName = name;
            _text.Clear();
            _textLength = 0;
        }

        private void Append(string value)
        {
            _textLength += value.Length;
            int room = FieldText.MaxChars - _text.Length;
            if (room > 0) _text.Append(value, 0, Math.Min(room, value.Length));
        }

        private void End(SoapEnvelope envelope)
        {
            string value = _text.ToString();
            switch (_capture)
            {
                case Capture.Argument when envelope.Arguments.Count < MaxArguments:
                    envelope.Arguments.Add(new SoapArgument(_argumentName, value, _textLength));
                    break;
                case Capture.FaultCode: envelope.FaultCode ??= value; break;
                case Capture.FaultString: envelope.FaultString ??= value; break;
                case Capture.ErrorCode: envelope.UpnpErrorCode ??= value; break;
                case Capture.ErrorDescription: envelope.UpnpErrorDescription ??= value; break;
            }
            _capture = Capture.None;
        }
    }
}
