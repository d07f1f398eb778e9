namespace Analyzer.Decoding.Ip;

/// <summary>
/// An IP packet found in a frame: addresses, the transport protocol and its bytes, and fragment state. A ref struct
/// over the frame's bytes, valid only while the frame is.
/// </summary>
public ref struct IpPacket
{
    public NetAddress Src;
    public NetAddress Dst;
    public byte Protocol;
    /// <summary>The transport header and data (of this fragment, when <see cref="IsFragment"/>).</summary>
    public ReadOnlySpan<byte> Payload;
    public bool IsFragment;
    public uint FragmentId;
    /// <summary>Offset of this fragment's data in the original datagram, in bytes.</summary>
    public int FragmentOffset;
    public bool MoreFragments;
    public ulong SrcMac;
    public ushort VlanId;
}
