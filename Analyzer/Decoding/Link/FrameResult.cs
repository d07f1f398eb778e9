namespace Analyzer.Decoding.Link;

public enum FrameResult : byte
{
    Ip,
    NotIp,
    UnsupportedLink,
    Malformed,
}
