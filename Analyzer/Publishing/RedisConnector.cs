using System.Net.Sockets;
using StackExchange.Redis;

namespace Analyzer.Publishing;

/// <summary>Client settings for a broker that may be down: connect in the background, fail fast while down.</summary>
public static class RedisConnector
{
    public static ConfigurationOptions Options(PublishTarget target, TimeSpan commandTimeout)
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { { target.Host, target.Port } },
            DefaultDatabase = target.Database,
            User = target.User,
            Password = target.Password,
            Ssl = target.Tls,
            SslHost = target.Tls ? target.Host : null,
            // The sensor starts whether or not the broker is up; the spool keeps the records meanwhile.
            AbortOnConnectFail = false,
            ConnectTimeout = (int)ConnectTimeout(commandTimeout).TotalMilliseconds,
            AsyncTimeout = (int)commandTimeout.TotalMilliseconds,
            SyncTimeout = (int)commandTimeout.TotalMilliseconds,
            // Commands fail at once while disconnected instead of queueing in the client: the spool is the queue.
            BacklogPolicy = BacklogPolicy.FailFast,
            ReconnectRetryPolicy = new ExponentialRetry(250, 5000),
            ClientName = "upnp-sensor",
        };
        return options;
    }

    /// <summary>
    /// Connects, after a plain TCP connection shows the broker is listening. A client whose first connection is
    /// refused waits out its whole connect timeout (5-10 s measured) and one that never reached the broker does not
    /// reconnect by itself, so without the check an attempt on a broker that is down blocks the sender that long and
    /// a broker that comes back during it is missed; with it, such an attempt costs one refused handshake and the
    /// next retry (every <see cref="RecordPublisher.DrainRetryDelay"/> while draining) finds the broker back.
    /// </summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync(PublishTarget target, TimeSpan commandTimeout)
    {
        await ProbeAsync(target, ConnectTimeout(commandTimeout)).ConfigureAwait(false);
        return await ConnectionMultiplexer.ConnectAsync(Options(target, commandTimeout)).ConfigureAwait(false);
    }

    private static TimeSpan ConnectTimeout(TimeSpan commandTimeout) =>
        TimeSpan.FromMilliseconds(Math.Min(commandTimeout.TotalMilliseconds, 5000));

    private static async Task ProbeAsync(PublishTarget target, TimeSpan timeout)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var expiry = new CancellationTokenSource(timeout);
        try
        {
            await socket.ConnectAsync(target.Host, target.Port, expiry.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            var why = e is SocketException s ? s.SocketErrorCode.ToString() : "no answer";
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, why, e);
        }
    }

    /// <summary>One line saying why a command failed, from the client's exception.</summary>
    public static string Describe(Exception e) => e switch
    {
        RedisConnectionException { FailureType: ConnectionFailureType.UnableToConnect } c => $"connection failed ({c.Message})",
        RedisConnectionException c => $"connection failed ({c.FailureType})",
        RedisTimeoutException => "timed out",
        RedisServerException s => s.Message.Split('\n')[0],
        TaskCanceledException => "transaction aborted",
        _ => e.Message.Split('\n')[0],
    };
}
