namespace Analyzer.Decoding.Ip;

internal readonly record struct FragmentKey(NetAddress Src, NetAddress Dst, uint Id, byte Protocol);
