using System.Globalization;

namespace Analyzer.Cli;

/// <summary>
/// The text of the progress line: files, packets, bytes of the total, rate and time left, e.g.
/// <c>file 2/3  412,000 packets  48.1/120.0 MB 40%  24.0 MB/s  0:03 left</c>.
/// </summary>
public static class ProgressLine
{
    /// <param name="fileNumber">The file being read (the highest started, with parallel jobs).</param>
    /// <param name="doneBytes">Bytes of the inputs read so far, estimated from frames and their record headers.</param>
    public static string Format(int fileNumber, int files, long packets, long doneBytes, long totalBytes, TimeSpan elapsed)
    {
        var inv = CultureInfo.InvariantCulture;
        doneBytes = Math.Clamp(doneBytes, 0, Math.Max(totalBytes, 0));
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        double rate = doneBytes / seconds;
        string left = rate > 0 && totalBytes > doneBytes ? Clock(TimeSpan.FromSeconds((totalBytes - doneBytes) / rate)) : "0:00";
        int percent = totalBytes > 0 ? (int)(100 * doneBytes / totalBytes) : 100;
        return string.Create(inv,
            $"file {fileNumber}/{files}  {packets:N0} packets  {Mb(doneBytes)}/{Mb(totalBytes)} MB {percent}%  {Mb((long)rate)} MB/s  {left} left");
    }

    /// <summary>Minutes and seconds, with hours when there are any: 0:07, 12:30, 1:02:03.</summary>
    public static string Clock(TimeSpan t)
    {
        long total = (long)Math.Ceiling(t.TotalSeconds);
        long h = total / 3600, m = total / 60 % 60, s = total % 60;
        return h > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h}:{m:00}:{s:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{m}:{s:00}");
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
