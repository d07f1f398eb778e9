using Analyzer.Cli.Commands.Fleet;

namespace Analyzer.Tests.Cli;

public class FleetShardTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/8", 2, 8)]
    [InlineData("8/8", 8, 8)]
    public void KOfNIsRead(string text, int k, int n)
    {
        Assert.True(ShardParsing.TryParse(text, out var shard));
        Assert.Equal(new Shard(k, n), shard);
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("2")]
    [InlineData("-1/2")]
    [InlineData("1/100001")]
    [InlineData("a/b")]
    public void AnythingElseIsRefused(string text) => Assert.False(ShardParsing.TryParse(text, out _));

    [Fact]
    public void EveryPathIsInExactlyOneShardWhateverTheOrder()
    {
        var paths = Enumerable.Range(0, 200).Select(i => $"/archive/home-{i:D3}").ToList();
        var parts = Enumerable.Range(1, 4).Select(k => paths.Where(new Shard(k, 4).Contains).ToList()).ToList();
        Assert.Equal(paths.Order(), parts.SelectMany(p => p).Order());
        Assert.All(parts, p => Assert.NotEmpty(p));
        var reversed = Enumerable.Range(1, 4).Select(k => Enumerable.Reverse(paths).Where(new Shard(k, 4).Contains).Order().ToList()).ToList();
        Assert.Equal(parts.Select(p => p.Order().ToList()), reversed);
    }
}
