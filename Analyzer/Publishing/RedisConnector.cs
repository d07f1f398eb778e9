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
            ConnectTimeout = (int)Math.Min(commandTimeout.TotalMilliseconds, 5000),
            AsyncTimeout = (int)commandTimeout.TotalMilliseconds,
            SyncTimeout = (int)commandTimeout.TotalMilliseconds,
            // Commands fail at once while disconnected instead of queueing in the client: the spool is the queue.
            BacklogPolicy = BacklogPolicy.FailFast,
            ReconnectRetryPolicy = new ExponentialRetry(250, 5000),
            ClientName = "upnp-sensor",
        };
        return options;
    }

    public static Task<ConnectionMultiplexer> ConnectAsync(PublishTarget target, TimeSpan commandTimeout) =>
        ConnectionMultiplexer.ConnectAsync(Options(target, commandTimeout));

    /// <summary>One line saying why a command failed, from the client's exception.</summary>
    public static string Describe(Exception e) => e switch
    {
        RedisConnectionException c => $"connection failed ({c.FailureType})",
        RedisTimeoutException => "timed out",
        RedisServerException s => s.Message.Split('\n')[0],
        TaskCanceledException => "transaction aborted",
        _ => e.Message.Split('\n')[0],
    };
}
