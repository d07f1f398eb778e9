using System.Runtime.CompilerServices;

namespace Analyzer.Decoding.Ssdp;

/// <summary>
/// Where the first header of each known name (<see cref="SsdpHeaderId"/>) stands in a message's header list, made
/// once with the list, so a typed property is one look-up instead of a walk over every header.
/// </summary>
internal readonly struct FirstHeaders
{
    [InlineArray((int)SsdpHeaderId.Other)]
    private struct Positions
    {
        private byte _element;
    }

    // Position + 1, 0 when absent; a list longer than a byte can index (HttpHead stores at most 96) is walked instead.
    private readonly Positions _positions;
    private readonly bool _walk;

    private FirstHeaders(Positions positions, bool walk)
    {
        _positions = positions;
        _walk = walk;
    }

    public static FirstHeaders Of(SsdpHeader[] headers)
    {
        if (headers.Length >= byte.MaxValue) return new FirstHeaders(default, walk: true);
        var positions = new Positions();
        for (int i = 0; i < headers.Length; i++)
        {
            int id = (int)headers[i].Id;
            if (id < (int)SsdpHeaderId.Other && positions[id] == 0) positions[id] = (byte)(i + 1);
        }
        return new FirstHeaders(positions, walk: false);
    }

    /// <summary>The index of the first header with <paramref name="id"/> in <paramref name="headers"/>, or -1.</summary>
    public int IndexOf(SsdpHeaderId id, SsdpHeader[] headers)
    {
        if (!_walk) return _positions[(int)id] - 1;
        for (int i = 0; i < headers.Length; i++)
            if (headers[i].Id == id) return i;
        return -1;
    }
}
