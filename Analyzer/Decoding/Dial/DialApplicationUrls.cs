using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Dial;

/// <summary>
/// Where each DIAL server keeps its applications, learned from the Application-URL header of its device
/// description (DIAL 2.1 §5.4): Chromecast uses /apps/, others their own path (Roku: /dial/). Bounded: the
/// oldest entry goes when <see cref="MaxEntries"/> is reached.
/// </summary>
public sealed class DialApplicationUrls
{
    public const int MaxEntries = 1024;
    public const string DefaultPrefix = "/apps/";

    private readonly Dictionary<(NetAddress Address, ushort Port), string> _prefixes = new();
    private readonly Queue<(NetAddress, ushort)> _order = new();

    public int Count => _prefixes.Count;

    /// <summary>
    /// Learns the Application-URL a device description response announced. Relative or host-name URLs are placed on
    /// the server that sent the response.
    /// </summary>
    public void Learn(string applicationUrl, NetAddress responder, ushort responderPort)
    {
        var url = UrlParts.Read(applicationUrl);
        string path = url.Path;
        int query = path.IndexOfAny(['?', '#']);
        if (query >= 0) path = path[..query];
        if (!path.EndsWith('/')) path += "/";
        // A prefix of "/" would make every request to the server a DIAL request.
        if (path.Length < 2 || url.Port is < 0 or > 65535) return;
        var address = NetAddress.TryParse(url.Host, out var parsed) ? parsed : responder;
        ushort port = url.Port > 0 ? (ushort)url.Port : responderPort;
        var key = (address, port);
        if (_prefixes.ContainsKey(key))
        {
            _prefixes[key] = path;
            return;
        }
        if (_prefixes.Count >= MaxEntries) _prefixes.Remove(_order.Dequeue());
        _prefixes[key] = path;
        _order.Enqueue(key);
    }

    /// <summary>The application path prefix of a server, /apps/ when none was learned.</summary>
    public string PrefixFor(NetAddress server, ushort port) =>
        _prefixes.TryGetValue((server, port), out var prefix) ? prefix : DefaultPrefix;
}
