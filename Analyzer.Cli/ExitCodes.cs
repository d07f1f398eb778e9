namespace Analyzer.Cli;

/// <summary>The program's exit codes, a contract scripts rely on.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int Usage = 2;
}
