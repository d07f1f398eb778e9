using Analyzer.Decoding;

namespace Analyzer.Banners;

/// <summary>A banner seen on the wire: the host it describes, the header it came in (SERVER, USER-AGENT) and its text.</summary>
public readonly record struct BannerSighting(NetAddress Device, string Header, string Text);
