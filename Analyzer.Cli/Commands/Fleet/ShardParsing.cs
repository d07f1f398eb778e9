using System.CommandLine;
using System.Globalization;

namespace Analyzer.Cli.Commands.Fleet;

/// <summary>The <c>--shard K/N</c> option: a one-line usage error for anything but 1 ≤ K ≤ N ≤ <see cref="Shard.MaxCount"/>.</summary>
public static class ShardParsing
{
    public static Option<Shard> Create() => new("--shard")
    {
        HelpName = "K/N",
        Description = "Take only part K of N of the captures (split by a stable hash of each path), for N machines",
        DefaultValueFactory = _ => Shard.Whole,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (TryParse(text, out var shard)) return shard;
            result.AddError($"--shard '{text}': expected K/N with 1 <= K <= N <= {Shard.MaxCount}, e.g. 2/8");
            return Shard.Whole;
        },
    };

    public static bool TryParse(string text, out Shard shard)
    {
        shard = Shard.Whole;
        int slash = text.IndexOf('/');
        if (slash < 0) return false;
        if (!int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out int k)) return false;
        if (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return false;
        if (n is < 1 or > Shard.MaxCount || k < 1 || k > n) return false;
        shard = new Shard(k, n);
        return true;
    }
}
