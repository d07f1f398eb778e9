namespace Analyzer.Output;

/// <summary>The names of the output formats on the command line.</summary>
public static class OutputFormats
{
    public const string Csv = "csv";
    public const string JsonLines = "jsonl";

    public static bool TryParse(string text, out OutputFormat format)
    {
        switch (text.ToLowerInvariant())
        {
            case Csv: format = OutputFormat.Csv; return true;
            case JsonLines: format = OutputFormat.JsonLines; return true;
            default: format = OutputFormat.Csv; return false;
        }
    }

    public static string Name(OutputFormat format) => format == OutputFormat.JsonLines ? JsonLines : Csv;
}
