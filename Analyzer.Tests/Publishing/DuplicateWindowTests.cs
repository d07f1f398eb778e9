using Analyzer.Publishing;

namespace Analyzer.Tests.Publishing;

public class DuplicateWindowTests
{
    private static BrokerEntry Entry(string sensor, long seq, RecordType type = RecordType.Alert, string? capture = null, long index = 0) =>
        new(type, "1-0", sensor, seq, [(byte)'{', (byte)'}'], capture is null ? null : new RecordKey(capture, index));

    [Fact]
    public void AKeyedRecordIsADuplicateByCaptureAndIndexWhateverItsSequence()
    {
        var window = new DuplicateWindow(100);
        Assert.True(window.TryAdd(Entry("home-1", 500, capture: "aa", index: 1)));
        Assert.False(window.TryAdd(Entry("home-1", 900, capture: "aa", index: 1)));
        Assert.True(window.TryAdd(Entry("home-1", 901, capture: "aa", index: 2)));
        Assert.True(window.TryAdd(Entry("home-1", 902, capture: "bb", index: 1)));
        Assert.True(window.TryAdd(Entry("home-2", 500, capture: "aa", index: 1)));
        // Each type is numbered apart within a capture.
        Assert.True(window.TryAdd(Entry("home-1", 903, RecordType.Device, capture: "aa", index: 1)));
        Assert.Equal(5, window.Count);
    }

    [Fact]
    public void AnUnkeyedRecordIsADuplicateBySensorAndSequenceAcrossTypesAndNeverOfAKeyedOne()
    {
        var window = new DuplicateWindow(100);
        Assert.True(window.TryAdd(Entry("home-1", 7)));
        Assert.False(window.TryAdd(Entry("home-1", 7)));
        Assert.False(window.TryAdd(Entry("home-1", 7, RecordType.Mapping)));
        Assert.True(window.TryAdd(Entry("home-2", 7)));
        Assert.True(window.TryAdd(Entry("home-1", 8, capture: "aa", index: 7)));
        Assert.True(window.TryAdd(Entry("home-1", 9, capture: "aa", index: 8)));
        Assert.True(window.TryAdd(Entry("home-1", 8)));
    }

    [Fact]
    public void PastItsCapacityTheOldestIdentitiesAreForgotten()
    {
        var window = new DuplicateWindow(3);
        for (long i = 1; i <= 4; i++) Assert.True(window.TryAdd(Entry("home-1", 0, capture: "aa", index: i)));
        Assert.Equal(3, window.Count);
        Assert.False(window.TryAdd(Entry("home-1", 0, capture: "aa", index: 4)));
        Assert.True(window.TryAdd(Entry("home-1", 0, capture: "aa", index: 1)));
    }
}
