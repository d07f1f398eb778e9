using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Scenarios;

/// <summary>What attack tools and bots put in User-Agent, and the Internet hosts attacks come from.</summary>
internal static class AttackTools
{
    public const string PythonRequests = "python-requests/2.31.0";
    public const string Curl = "curl/7.88.1";
    public const string GoHttp = "Go-http-client/1.1";
    public const string MiniUpnpcOld = "Linux/2.6.32 UPnP/1.1 MiniUPnPc/1.9";
    public const string Generic = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    public static string PickUserAgent(GenerationRandom random) => random.Pick([PythonRequests, Curl, GoHttp, MiniUpnpcOld, Generic]);
}
