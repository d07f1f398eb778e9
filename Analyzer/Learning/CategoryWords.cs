namespace Analyzer.Learning;

/// <summary>What an alert category means, in the words an anomaly alert uses to say what the model thinks happened.</summary>
public static class CategoryWords
{
    /// <summary>The class name the category model gives ordinary windows.</summary>
    public const string Benign = "benign";

    /// <summary>The class name of attack windows whose labels name no category.</summary>
    public const string Unknown = "attack";

    /// <summary>
    /// Categories a host window cannot show, which the category model does not learn: vulnerable software is known by
    /// its banner, and its windows are the device's ordinary behaviour, so learning them as attacks would teach that
    /// ordinary device behaviour (answering searches, serving SOAP, sending events) is one.
    /// </summary>
    public static readonly IReadOnlySet<string> NotInWindows = new HashSet<string>(StringComparer.Ordinal) { "vulnerable-software" };

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["portmap-abuse"] = "port-mapping abuse",
        ["wan-exposure"] = "UPnP reached from the Internet",
        ["reflection-ddos"] = "SSDP reflection",
        ["exploit-attempt"] = "an exploit attempt against a UPnP stack",
        ["callback-abuse"] = "event-callback abuse",
        ["rogue-cast"] = "rogue casting (DIAL/Cast control)",
        ["rogue-device"] = "a rogue device advertisement",
        ["recon"] = "reconnaissance",
        ["vulnerable-software"] = "vulnerable UPnP software",
        [Unknown] = "an attack",
    };

    /// <summary>
    /// Order of preference when one window overlaps instances of several categories: the most specific harm first,
    /// "reached from the Internet" and probing last (they accompany most other attacks).
    /// </summary>
    private static readonly string[] Preference =
        ["portmap-abuse", "rogue-cast", "callback-abuse", "exploit-attempt", "reflection-ddos", "rogue-device", "recon", "wan-exposure"];

    public static string Describe(string category) => Words.GetValueOrDefault(category, category);

    /// <summary>Ranks a category by <see cref="Preference"/>; unknown ones come after the listed ones.</summary>
    public static int Rank(string category)
    {
        int i = Array.IndexOf(Preference, category);
        return i < 0 ? Preference.Length : i;
    }
}
