namespace Analyzer.Decoding.Http;

public enum HttpStartLine : byte
{
    Request,
    Response,
}
