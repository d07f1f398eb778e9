
namespace Analyzer.Tests.Rules.State;

public class StateTests
{
    [Fact]
    public void ABoundedTableDropsTheLeastRecentlyWrittenEntryWhenFull()
    {
        var table = new BoundedTable<int, string>(2);
        table.Set(1, "a");
        table.Set(2, "b");
        table.Set(1, "a2");
        table.Set(3, "c");

        Assert.Equal([1, 3], table.Entries().Select(e => e.Key));
        Assert.Equal(1, table.Evicted);
        Assert.False(table.ContainsKey(2));
    }

    [Fact]
    public void RecentTimesTellsNWithinAWindowWithoutKeepingMore()
    {
        var times = new RecentTimes(3);
        Assert.False(times.AddAndCheck(0, 10));
        Assert.False(times.AddAndCheck(5, 10));
        Assert.True(times.AddAndCheck(10, 10));
        Assert.False(times.AddAndCheck(21, 10));
        Assert.Equal(3, times.Count);
    }

    [Fact]
    public void ADistinctWindowCountsItemsSeenWithinTheWindowAndForgetsOlderOnes()
    {
        var window = new DistinctWindow<string>(10);
        window.Add("a", 0, 100);
        window.Add("b", 50, 100);
        window.Add("a", 60, 100);

        Assert.Equal(2, window.Add("c", 155, 100));
        Assert.Equal(["a", "c"], window.Items.Order());
    }

    [Fact]
    public void ADistinctWindowNeverHoldsMoreThanItsCapacity()
    {
        var window = new DistinctWindow<int>(3);
        for (int i = 0; i < 10; i++) window.Add(i, i, 1000);

        Assert.Equal(3, window.Count);
        Assert.Equal([7, 8, 9], window.Items.Order());
    }
}
