namespace Analyzer.Cli.Usage;

/// <summary><c>analyzer help [VERB]</c> is <c>analyzer [VERB] --help</c>: the word users type first.</summary>
public static class HelpVerb
{
    public static string[] Rewrite(string[] args) =>
        args.Length > 0 && args[0] == "help" ? [.. args[1..], "--help"] : args;
}
