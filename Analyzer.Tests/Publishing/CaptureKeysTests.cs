using Analyzer.Publishing;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Publishing;

public class CaptureKeysTests
{
    private const string Fingerprint = "0f0e0d0c0b0a09080706050403020100";

    private static string Write(TempDir dir, string name, byte[] content, DateTime? time = null)
    {
        var path = dir.File(name);
        File.WriteAllBytes(path, content);
        File.SetLastWriteTimeUtc(path, time ?? new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc));
        return path;
    }

    private static byte[] Content(int length, byte fill = 1) => Enumerable.Repeat(fill, length).ToArray();

    [Fact]
    public void TheSameFileAnalyzedTheSameWayHasTheSameKeyOf32HexDigits()
    {
        using var dir = new TempDir();
        var path = Write(dir, "a.pcap", Content(1000));
        var key = CaptureKeys.Of(Fingerprint, null, path);
        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.Equal(key, CaptureKeys.Of(Fingerprint, null, path));
        Assert.True(RecordKey.IsValidCapture(key));
    }

    [Fact]
    public void AnotherFingerprintAnotherPreviousCaptureOrAnotherNameGiveAnotherKey()
    {
        using var dir = new TempDir();
        var path = Write(dir, "a.pcap", Content(1000));
        var copy = Write(dir, "b.pcap", Content(1000));
        var key = CaptureKeys.Of(Fingerprint, null, path);
        Assert.NotEqual(key, CaptureKeys.Of("ffff", null, path));
        Assert.NotEqual(key, CaptureKeys.Of(Fingerprint, key, path));
        Assert.NotEqual(key, CaptureKeys.Of(Fingerprint, null, copy));
    }

    [Fact]
    public void AChangedFileGetsANewKeyWhetherItsLengthTimeOrEitherEndChanged()
    {
        using var dir = new TempDir();
        int length = 3 * CaptureKeys.SampleBytes;
        var path = Write(dir, "a.pcap", Content(length));
        var key = CaptureKeys.Of(Fingerprint, null, path);

        Write(dir, "a.pcap", Content(length + 1));
        Assert.NotEqual(key, CaptureKeys.Of(Fingerprint, null, path));
        Write(dir, "a.pcap", Content(length), new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc));
        Assert.NotEqual(key, CaptureKeys.Of(Fingerprint, null, path));
        var head = Content(length);
        head[10] = 2;
        Write(dir, "a.pcap", head);
        Assert.NotEqual(key, CaptureKeys.Of(Fingerprint, null, path));
        var tail = Content(length);
        tail[^10] = 2;
        Write(dir, "a.pcap", tail);
        Assert.NotEqual(key, CaptureKeys.Of(Fingerprint, null, path));

        Write(dir, "a.pcap", Content(length));
        Assert.Equal(key, CaptureKeys.Of(Fingerprint, null, path));
    }

    [Fact]
    public void AFileThatCannotBeReadIsKeyedByItsNameWithoutThrowing()
    {
        using var dir = new TempDir();
        var missing = dir.File("missing.pcap");
        var key = CaptureKeys.Of(Fingerprint, null, missing);
        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.NotEqual(key, CaptureKeys.Of(Fingerprint, null, dir.File("other.pcap")));
    }

    [Fact]
    public async Task AnEmptyFileOrAPipeIsNeverReadAndNeverSharesItsKey()
    {
        using var dir = new TempDir();
        var path = Write(dir, "empty.pcap", []);
        Assert.NotEqual(CaptureKeys.Of(Fingerprint, null, path), CaptureKeys.Of(Fingerprint, null, path));

        // Opening a pipe that has no writer would block: keying it must not open it.
        var fifo = dir.File("live.pcap");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var keying = Task.Run(() => (CaptureKeys.Of(Fingerprint, null, fifo), CaptureKeys.Of(Fingerprint, null, fifo)));
        Assert.True(await Task.WhenAny(keying, Task.Delay(TimeSpan.FromSeconds(30))) == keying, "keying a pipe opened it");
        var (first, second) = await keying;
        Assert.NotEqual(first, second);
    }
}
