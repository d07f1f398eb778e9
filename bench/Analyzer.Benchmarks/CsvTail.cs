using System.Text;

namespace Analyzer.Benchmarks;

/// <summary>Reads the lines appended to a file that another process is writing (the file may not exist yet).</summary>
internal sealed class CsvTail(string path) : IDisposable
{
    private FileStream? _stream;
    private readonly StringBuilder _partial = new();
    private readonly byte[] _buffer = new byte[64 * 1024];

    public IEnumerable<string> NewLines()
    {
        if (_stream is null)
        {
            if (!File.Exists(path)) yield break;
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        int n;
        while ((n = _stream.Read(_buffer, 0, _buffer.Length)) > 0)
        {
            _partial.Append(Encoding.UTF8.GetString(_buffer, 0, n));
            var text = _partial.ToString();
            int end = text.LastIndexOf('\n');
            if (end < 0) continue;
            _partial.Clear().Append(text, end + 1, text.Length - end - 1);
            foreach (var line in text[..end].Split('\n')) yield return line;
        }
    }

    public void Dispose() => _stream?.Dispose();
}
