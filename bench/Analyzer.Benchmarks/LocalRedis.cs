using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Analyzer.Benchmarks;

/// <summary>A redis-server of the benchmark's own on a free loopback port, without persistence; stopped on dispose.</summary>
internal sealed class LocalRedis : IDisposable
{
    private readonly Process _process;
    private readonly string _dir = Directory.CreateTempSubdirectory("publish-bench-redis-").FullName;

    public LocalRedis()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var psi = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = _dir };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _dir })
            psi.ArgumentList.Add(arg);
        _process = Process.Start(psi) ?? throw new InvalidOperationException("redis-server did not start");
        _process.StandardOutput.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Command("PING") != "+PONG")
        {
            if (DateTime.UtcNow > deadline || _process.HasExited) throw new InvalidOperationException("redis-server did not answer");
            Thread.Sleep(20);
        }
    }

    public int Port { get; }
    public string Url => $"redis://127.0.0.1:{Port}";

    /// <summary>One inline command; the whole answer (a bulk reply read up to its length).</summary>
    public string Command(string command)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            using var stream = client.GetStream();
            stream.Write(Encoding.ASCII.GetBytes(command + "\r\n"));
            using var reader = new StreamReader(stream, Encoding.ASCII);
            var first = reader.ReadLine() ?? "";
            if (!first.StartsWith('$') || first == "$-1") return first;
            var body = new char[int.Parse(first[1..])];
            reader.ReadBlock(body);
            return new string(body);
        }
        catch (SocketException) { return ""; }
        catch (IOException) { return ""; }
    }

    public long ProcessRssBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
