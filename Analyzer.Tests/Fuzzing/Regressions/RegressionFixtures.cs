using Analyzer.Tests.Support;

namespace Analyzer.Tests.Fuzzing;

/// <summary>Captures of samples/pcaps/regressions, one per crash fuzzing found, named after what broke.</summary>
public static class RegressionFixtures
{
    public static string Directory => Path.Combine(Repo.Samples, "regressions");

    /// <summary>Fuzzing, soap case 139289012: a byte above 0x7F in the XML declaration's version string.</summary>
    public const string XmlDeclarationNonAsciiVersion = "xml-declaration-non-ascii-version.pcap";

    public static string PathOf(string name) => Path.Combine(Directory, name);
}
