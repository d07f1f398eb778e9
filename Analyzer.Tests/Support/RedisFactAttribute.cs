namespace Analyzer.Tests.Support;

/// <summary>A fact that needs a real redis-server; skipped, not failed, where it is not installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.ExecutablePath is null) Skip = "redis-server is not installed (Debian package redis-server)";
    }
}
