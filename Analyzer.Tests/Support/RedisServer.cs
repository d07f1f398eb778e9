using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Analyzer.Tests.Support;

/// <summary>
/// A real redis-server of the test's own, on a free loopback port, with no configuration file. Its data directory
/// is a temporary one; with <c>persistent</c> it writes every command to its append-only file before answering, so
/// a <c>kill -9</c> and a restart keep every entry the client was told about.
/// </summary>
public sealed class RedisServer : IDisposable
{
    public static readonly string? ExecutablePath = Find();
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly TempDir _dir = new();
    private readonly bool _persistent;
    private readonly string? _password;
    private Process? _process;

    public RedisServer(bool persistent = false, string? password = null, bool start = true)
    {
        if (ExecutablePath is null) throw new InvalidOperationException("redis-server is not installed");
        _persistent = persistent;
        _password = password;
        Port = FreePort();
        if (start) Start();
    }

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (IsRunning) return;
        var psi = new ProcessStartInfo(ExecutablePath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _dir.Path,
        };
        foreach (var arg in Arguments()) psi.ArgumentList.Add(arg);
        _process = Process.Start(psi)!;
        _process.StandardOutput.ReadToEndAsync();
        _process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!Ping())
        {
            if (_process.HasExited) throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("redis-server did not answer PING");
            Thread.Sleep(20);
        }
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown, no final save.</summary>
    public void Kill()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Sends one command in the inline protocol and returns the first line of the answer.</summary>
    public string Command(string command)
    {
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, Port);
        using var stream = client.GetStream();
        var text = (_password is null ? "" : $"AUTH {_password}\r\n") + command + "\r\n";
        stream.Write(Encoding.ASCII.GetBytes(text));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        if (_password is not null) reader.ReadLine();
        return reader.ReadLine() ?? "";
    }

    private bool Ping()
    {
        try
        {
            return Command("PING") == "+PONG";
        }
        catch (SocketException) { return false; }
        catch (IOException) { return false; }
    }

    private IEnumerable<string> Arguments()
    {
        yield return "--port"; yield return Port.ToString();
        yield return "--bind"; yield return "127.0.0.1";
        yield return "--dir"; yield return _dir.Path;
        yield return "--save"; yield return "";
        yield return "--appendonly"; yield return _persistent ? "yes" : "no";
        if (_persistent) { yield return "--appendfsync"; yield return "always"; }
        if (_password is not null) { yield return "--requirepass"; yield return _password; }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/bin").Append("/usr/local/bin"))
        {
            if (dir.Length == 0) continue;
            var path = Path.Combine(dir, "redis-server");
            if (File.Exists(path)) return path;
        }
        return null;
    }

    public void Dispose()
    {
        Kill();
        _dir.Dispose();
    }
}
