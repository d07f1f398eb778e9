using System.CommandLine;
using System.CommandLine.Parsing;
using System.Security.Cryptography;
using System.Text;

namespace Analyzer.Cli.Commands;

/// <summary>
/// The fingerprint of an offline run published with <c>--publish</c>: a digest of everything besides the captures that
/// decides its records, so that the same captures analyzed the same way publish the same record keys (see
/// <see cref="Analyzer.Publishing.CaptureKeys"/>, which adds the analyzer's build) and any change gives new ones. It
/// takes every option given on the command line except those that only say where records go, and the content of
/// the files the run reads (configuration, model) rather than their names. Erring towards a new fingerprint only
/// costs de-duplication across runs; sharing one across different analyses would drop records.
/// </summary>
public static class RunFingerprint
{
    private const int DigestBytes = 16;
    private const int ReadBufferBytes = 64 * 1024;

    /// <summary>The fingerprint of the verb's command line, leaving out <paramref name="ignored"/> options.</summary>
    public static string Of(ParseResult parse, IEnumerable<Option> ignored, IEnumerable<string?> filesRead)
    {
        var skip = ignored.ToHashSet();
        var settings = new List<string> { parse.CommandResult.Command.Name };
        foreach (var option in parse.CommandResult.Children.OfType<OptionResult>()
                     .Where(o => !o.Implicit && !skip.Contains(o.Option))
                     .OrderBy(o => o.Option.Name, StringComparer.Ordinal))
            settings.Add(option.Option.Name + "=" + string.Join('\u001f', option.Tokens.Select(t => t.Value)));
        return Of(settings, filesRead);
    }

    /// <summary>The fingerprint of settings given as text and of the files read (by content; null entries skipped).</summary>
    public static string Of(IEnumerable<string> settings, IEnumerable<string?> filesRead)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var setting in settings)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(setting));
            hash.AppendData([0]);
        }
        foreach (var path in filesRead)
        {
            if (path is null) continue;
            hash.AppendData("file\0"u8);
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBufferBytes);
                hash.AppendData(SHA256.HashData(stream));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                hash.AppendData("absent\0"u8);
            }
        }
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..DigestBytes]);
    }
}
