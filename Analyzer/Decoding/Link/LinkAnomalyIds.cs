namespace Analyzer.Decoding.Link;

/// <summary>Stable ids of the <see cref="DecodeAnomaly"/> records of link-layer decoding (<see cref="FrameDecoder"/>).</summary>
public static class LinkAnomalyIds
{
    /// <summary>A frame shorter than its link header (Ethernet, VLAN tag, Linux cooked, BSD loopback) says.</summary>
    public const string Truncated = "link.truncated";
    /// <summary>More stacked VLAN tags than <see cref="LinkFields.MaxVlanTags"/>.</summary>
    public const string TooManyVlanTags = "link.too_many_vlan_tags";
    /// <summary>A capture whose link type the decoder does not read (reported once per type).</summary>
    public const string UnsupportedType = "link.unsupported_type";
}
