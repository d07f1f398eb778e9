using Analyzer.Decoding;
using Analyzer.Decoding.Description;
using Analyzer.Decoding.Http;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-rogue-device</c> (e): a device description whose presentationURL or icon URL sends the user
/// to another host than the device that served it (evil-ssdp's phishing templates: the "device" in the file
/// manager opens a credential page elsewhere). Another LAN host is medium; outside the LAN, or a page whose path names
/// a login or password form, is high. Relative URLs, URLs on the device itself (or another address of its MAC),
/// host names and the other IP family are not judged, as for LOCATION. A login page on the device itself is what
/// every router serves and does not fire.
/// </summary>
public sealed class DescriptionLinkRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-rogue-description", AlertCategory.RogueDevice, Severity.Medium,
        "A device description whose presentationURL or icon points to another host (outside the LAN or to a login form: high)");

    /// <summary>Devices remembered so that one description, fetched again and again, gives one alert per link.</summary>
    public const int MaxReported = 1024;

    // Path words of credential pages (evil-ssdp's templates and phishing kits): matched anywhere in the path, any case.
    private static readonly string[] CredentialWords = ["login", "logon", "signin", "sign-in", "sign_in", "password", "passwd", "credential"];

    private readonly BoundedTable<(NetAddress Device, string Url), bool> _reported = new(MaxReported);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not DescriptionMessage { Status: 200 } description || !context.Network.IsLan(e.Packet.Src)) return;
        foreach (var device in description.Description.Devices)
        {
            Check(description, device.PresentationUrl, "presentationURL", context);
            foreach (var icon in device.IconUrls) Check(description, icon, "icon", context);
        }
    }

    private void Check(DescriptionMessage description, string? link, string what, RuleContext context)
    {
        if (!UrlParts.TryParse(link, out var url) || url.Address is not { } host) return;
        var src = description.Packet.Src;
        var net = context.Network;
        if (host.IsV6 != src.IsV6 || net.SameDevice(host, src) || NetworkContext.IsSpecial(host)) return;
        bool outside = net.IsForeign(host);
        if ((!outside && !net.IsLan(host)) || _reported.ContainsKey((src, link!))) return;
        _reported.Set((src, link!), true);
        bool credential = IsCredentialPage(url.Path);
        string where = outside ? "outside the LAN" : "at another LAN host " + host;
        context.Raise(Rule, description.Packet, ProtocolNames.Description,
            $"the description of {src} ({description.Description.Root?.FriendlyName ?? "no friendly name"}) points its {what} {where}"
            + (credential ? ", to a login form" : "") + $": {Evidence.Quote(link)}",
            outside || credential ? Severity.High : null);
    }

    private static bool IsCredentialPage(string path)
    {
        foreach (var word in CredentialWords)
            if (path.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
