using Analyzer.Decoding;
using Analyzer.Decoding.Gena;

namespace Analyzer.Rules.Gena;

/// <summary>Where a SUBSCRIBE's CALLBACK URLs point, read from the decoded callbacks.</summary>
public static class CallbackTargets
{
    /// <summary>Ports a NOTIFY normally goes to: HTTP ones and the dynamic range control points listen on.</summary>
    public static bool IsHttpLike(int port) => port is 80 or 8080 or 8000 or 8008 or 2869 or 5000 or >= 1024 and not (3306 or 3389 or 5900 or 6379 or 9100 or 11211 or 27017);
}
