using Analyzer.Publishing;

namespace Analyzer.Tests.Publishing;

public class PublishTargetTests
{
    [Theory]
    [InlineData("redis://127.0.0.1:6380", "127.0.0.1", 6380, 0, null, null, false)]
    [InlineData("redis://localhost", "localhost", 6379, 0, null, null, false)]
    [InlineData("redis://broker.example:7000/3", "broker.example", 7000, 3, null, null, false)]
    [InlineData("redis://:s3cret@10.0.0.5:6379/1", "10.0.0.5", 6379, 1, null, "s3cret", false)]
    [InlineData("redis://sensor:p%40ss@host:6379", "host", 6379, 0, "sensor", "p@ss", false)]
    [InlineData("redis://onlypass@host", "host", 6379, 0, null, "onlypass", false)]
    [InlineData("rediss://host:6380/2", "host", 6380, 2, null, null, true)]
    [InlineData("redis://[::1]:6390", "::1", 6390, 0, null, null, false)]
    [InlineData("REDIS://Host:1/", "Host", 1, 0, null, null, false)]
    public void ParseReadsHostPortDatabaseCredentialsAndTls(string url, string host, int port, int database, string? user, string? password, bool tls)
    {
        var target = PublishTarget.Parse(url);
        Assert.Equal(new PublishTarget(host, port, database, user, password, tls), target);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("http://host:6379", "unknown scheme")]
    [InlineData("host:6379", "unknown scheme")]
    [InlineData("redis://", "no host")]
    [InlineData("redis://:6379", "no host")]
    [InlineData("redis://host:0", "port must be a number from 1 to 65535")]
    [InlineData("redis://host:65536", "port must be a number from 1 to 65535")]
    [InlineData("redis://host:port", "port must be a number from 1 to 65535")]
    [InlineData("redis://host:-1", "port must be a number from 1 to 65535")]
    [InlineData("redis://host:6379/x", "database must be a number from 0 to 65535")]
    [InlineData("redis://host:6379/-1", "database must be a number from 0 to 65535")]
    [InlineData("redis://host:6379/0/1", "database must be a number from 0 to 65535")]
    [InlineData("redis://host:6379?ssl=true", "query strings and fragments are not supported")]
    [InlineData("redis://[::1:6379", "unclosed [ in the host")]
    [InlineData("redis://bad host:6379", "invalid host \"bad host\"")]
    public void MalformedUrlsGetAOneLineReason(string url, string reason)
    {
        var e = Assert.Throws<PublishTargetException>(() => PublishTarget.Parse(url));
        Assert.Equal($"invalid broker URL \"{url}\": {reason} (expected redis://HOST:PORT[/DB] or rediss://HOST:PORT[/DB])", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void AnErrorNeverShowsThePassword()
    {
        var e = Assert.Throws<PublishTargetException>(() => PublishTarget.Parse("redis://:hunter2@host:99999"));
        Assert.Equal("invalid broker URL \"redis://***@host:99999\": port must be a number from 1 to 65535 (expected redis://HOST:PORT[/DB] or rediss://HOST:PORT[/DB])", e.Message);
    }

    [Fact]
    public void ToStringMasksThePassword()
    {
        Assert.Equal("redis://:***@h:1/2", PublishTarget.Parse("redis://:hunter2@h:1/2").ToString());
        Assert.Equal("rediss://u:***@[::1]:6379/0", PublishTarget.Parse("rediss://u:pw@[::1]").ToString());
        Assert.Equal("redis://h:6379/0", PublishTarget.Parse("redis://h").ToString());
    }

    [Fact]
    public void APasswordFromTheConfigurationReplacesNoneOnlyWhenGiven()
    {
        var target = PublishTarget.Parse("redis://h:1");
        Assert.Equal("pw", target.WithPassword("pw").Password);
        Assert.Null(target.WithPassword(null).Password);
        Assert.Equal("url", PublishTarget.Parse("redis://:url@h:1").WithPassword("").Password);
    }
}
