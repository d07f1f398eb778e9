using System.Security.Cryptography;
using System.Text;

namespace Analyzer.Publishing;

/// <summary>
/// Capture keys: what makes a re-run of an offline analysis publish each record under the identity it had before,
/// so the aggregator recognises it, while any other capture, or the same file once changed, gets a key of its own.
/// The key is a digest of the analysis (the analyzer's build and the fingerprint of the run's output-affecting
/// options), of the captures the same pipeline read before (each capture normally has a pipeline of its own), and of
/// the file: its name as given (the records carry it), its full path, length and modification time, and its first and
/// last <see cref="SampleBytes"/> bytes. A pipe or device (length 0) is never read here and gets a key of its own.
/// </summary>
public static class CaptureKeys
{
    /// <summary>Bytes read from each end of a capture: a rewritten file of the same length and time still differs here.</summary>
    public const int SampleBytes = 64 * 1024;
    private const int KeyBytes = 16;
    private const string Scheme = "upnp-capture-key/1";

    /// <summary>The analyzer's build: a deterministic build of the same source has the same module id.</summary>
    private static readonly string Build = typeof(CaptureKeys).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>
    /// The key of the capture <paramref name="name"/> (a file path) analyzed under <paramref name="runFingerprint"/>
    /// after the capture of key <paramref name="previous"/> in the same pipeline (null for its first). Never throws: a
    /// file that cannot be read is keyed by its name and the error (its analysis fails and publishes nothing of it).
    /// </summary>
    public static string Of(string runFingerprint, string? previous, string name)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string part)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData([0]);
        }
        Add(Scheme);
        Add(Build);
        Add(runFingerprint);
        Add(previous ?? "");
        Add(name);
        try
        {
            var file = new FileInfo(name);
            Add(file.FullName);
            if (file.Length == 0)
            {
                // A pipe or a device (or an empty file, which has no records): what it carries cannot be told again
                // and must not be read here, so its records get a key of their own that no other run shares.
                Add("not a regular file: " + Guid.NewGuid().ToString("N"));
                return Finish(hash);
            }
            Add(file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(file.LastWriteTimeUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var stream = new FileStream(name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var sample = new byte[(int)Math.Min(SampleBytes, stream.Length)];
            stream.ReadExactly(sample);
            hash.AppendData(sample);
            if (stream.Length > SampleBytes)
            {
                stream.Position = Math.Max(SampleBytes, stream.Length - SampleBytes);
                sample = new byte[(int)(stream.Length - stream.Position)];
                stream.ReadExactly(sample);
                hash.AppendData(sample);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Add("unreadable: " + e.GetType().Name);
        }
        return Finish(hash);
    }

    private static string Finish(IncrementalHash hash)
    {
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..KeyBytes]);
    }
}
