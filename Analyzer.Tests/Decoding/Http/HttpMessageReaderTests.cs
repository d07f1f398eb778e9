using Analyzer.Decoding.Http;
using Analyzer.Reassembly;
using static Analyzer.Tests.Decoding.Http.HttpParsingData;

namespace Analyzer.Tests.Decoding.Http;

public class HttpMessageReaderTests
{
    private static string StartOf(Analyzer.Decoding.Http.HttpMessage m) => m.IsRequest ? m.Method : m.StatusCode.ToString();

    [Theory]
    [MemberData(nameof(HttpParsingData.Valid), MemberType = typeof(HttpParsingData))]
    public void AValidMessageIsFramedWithItsBody(string text, string start, string body)
    {
        var driver = new ReaderDriver();
        driver.Feed(text);

        var (message, got) = Assert.Single(driver.Owner.Messages);
        Assert.Equal(start, StartOf(message));
        Assert.Equal(body, got);
        Assert.Equal(body.Length, message.BodyLength);
        Assert.Equal(0, driver.Pending);
        Assert.Empty(driver.Sink.Anomalies);
    }

    [Theory]
    [MemberData(nameof(HttpParsingData.Valid), MemberType = typeof(HttpParsingData))]
    public void EveryPrefixIsIncompleteAndTheRestCompletesTheMessage(string text, string start, string body)
    {
        var bytes = Bytes(text);
        for (int k = 0; k < bytes.Length; k++)
        {
            var driver = new ReaderDriver();
            driver.Feed(bytes[..k]);
            Assert.Empty(driver.Owner.Messages);
            Assert.False(driver.Owner.NotHttp);
            driver.Feed(bytes[k..]);
            var (message, got) = Assert.Single(driver.Owner.Messages);
            Assert.Equal(start, StartOf(message));
            Assert.Equal(body, got);
        }
    }

    [Theory]
    [MemberData(nameof(HttpParsingData.Messages), MemberType = typeof(HttpParsingData))]
    public void AHeadPrefixIsNotConsumed(string text)
    {
        var bytes = Bytes(text);
        int headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is int i and >= 0 ? i + 4 : text.IndexOf("\n\n", StringComparison.Ordinal) + 2;
        for (int k = 1; k < headEnd; k++)
        {
            var reader = new ReaderDriver().Reader;
            Assert.Equal(0, reader.Read(bytes.AsSpan(0, k), default, new Analyzer.Events.EventList()));
        }
    }

    [Theory]
    [MemberData(nameof(HttpParsingData.Valid), MemberType = typeof(HttpParsingData))]
    public void EverySplitIntoThreePiecesGivesTheSameMessage(string text, string start, string body)
    {
        var bytes = Bytes(text);
        for (int i = 1; i < bytes.Length; i++)
        for (int j = i; j < bytes.Length; j += 7)
        {
            var driver = new ReaderDriver();
            driver.Feed(bytes[..i]);
            driver.Feed(bytes[i..j]);
            driver.Feed(bytes[j..]);
            var (message, got) = Assert.Single(driver.Owner.Messages);
            Assert.Equal(start, StartOf(message));
            Assert.Equal(body, got);
            Assert.Equal(0, driver.Pending);
        }
    }

    [Theory]
    [MemberData(nameof(HttpParsingData.UntilClose), MemberType = typeof(HttpParsingData))]
    public void AResponseWithoutLengthEndsWithTheStream(string text, string body)
    {
        var driver = new ReaderDriver();
        driver.Feed(text);
        Assert.Empty(driver.Owner.Messages);
        driver.End();

        var (message, got) = Assert.Single(driver.Owner.Messages);
        Assert.Equal("HTTP/1.0", message.Version);
        Assert.Equal(body, got);
    }

    [Fact]
    public void PipelinedMessagesInOneBufferAreFramedInOrder()
    {
        var driver = new ReaderDriver();
        driver.Feed(Subscribe + SoapPost + "\r\n" + FoldedLfOnly);

        Assert.Equal(["SUBSCRIBE", "POST", "NOTIFY"], driver.Owner.Messages.Select(m => m.Message.Method));
        Assert.Equal(SoapBody, driver.Owner.Messages[1].Body);
    }

    [Fact]
    public void FoldedAndDuplicateHeadersAreKept()
    {
        var driver = new ReaderDriver();
        driver.Feed("NOTIFY / HTTP/1.1\r\nSID: a\r\nsid: b\r\nX-Long: one\r\n\ttwo\r\n\r\n");

        var message = Assert.Single(driver.Owner.Messages).Message;
        Assert.Equal("a", message.Header("SID"u8));
        Assert.Equal(1, message.IndexOfHeader("Sid"u8, 1));
        Assert.Equal("b", message.HeaderValue(1));
        Assert.Equal("one\r\n\ttwo", message.Header("x-long"u8));
    }

    [Fact]
    public void AResponseToHeadOrWith204Or304HasNoBody()
    {
        var driver = new ReaderDriver();
        driver.Owner.AnswersHead = true;
        driver.Feed("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        Assert.Equal(2, driver.Owner.Messages.Count);

        driver = new ReaderDriver();
        driver.Feed("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n");
        Assert.Equal([100, 304, 204], driver.Owner.Messages.Select(m => m.Message.StatusCode));
    }

    [Fact]
    public void ABodyOverTheCapIsCountedButNotKept()
    {
        var limits = new HttpStreamLimits { MaxBodyBytes = 1024 };
        var driver = new ReaderDriver(limits);
        const int size = 10 * 1024 * 1024;
        driver.Feed($"POST /upload HTTP/1.1\r\nContent-Length: {size}\r\n\r\n");
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)'x');
        for (int sent = 0; sent < size; sent += chunk.Length) driver.Feed(chunk);

        var (message, body) = Assert.Single(driver.Owner.Messages);
        Assert.Equal(size, message.BodyLength);
        Assert.Equal(1024, body.Length);
        Assert.True(message.BodyTruncated);
        Assert.Equal(HttpAnomalyIds.BodyTooLong, Assert.Single(driver.Sink.Anomalies).Id);
    }

    [Fact]
    public void AHeadOverTheCapIsAnAnomalyAndTheReaderResynchronizes()
    {
        var driver = new ReaderDriver();
        driver.Feed("GET / HTTP/1.1\r\nX-Big: " + new string('a', HttpHead.MaxHeadBytes + 10) + "\r\n");
        Assert.True(driver.Pending <= HttpHead.MaxHeadBytes);
        driver.Feed("\r\n" + Subscribe);

        Assert.Equal(HttpAnomalyIds.HeadTooLong, Assert.Single(driver.Sink.Anomalies).Id);
        Assert.Equal("SUBSCRIBE", Assert.Single(driver.Owner.Messages).Message.Method);
    }

    [Theory]
    [InlineData("zz\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5\r\nhelloXX0\r\n\r\n")]
    public void AMalformedChunkIsAnAnomalyAndTheMessageIsDeliveredAsIncomplete(string chunks)
    {
        var driver = new ReaderDriver();
        driver.Feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + Subscribe);

        Assert.Equal(HttpAnomalyIds.BadChunk, Assert.Single(driver.Sink.Anomalies).Id);
        Assert.True(driver.Owner.Messages[0].Message.Incomplete);
        Assert.Equal("SUBSCRIBE", driver.Owner.Messages[^1].Message.Method);
    }

    [Fact]
    public void AChunkSizeOfTwoToTheThirtyOneOrMoreIsEvidence()
    {
        var driver = new ReaderDriver();
        driver.Feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n80000000\r\nabc");
        driver.End();

        Assert.Equal([HttpAnomalyIds.ChunkTooLarge, HttpAnomalyIds.Truncated], driver.Sink.Anomalies.Select(a => a.Id));
        var message = Assert.Single(driver.Owner.Messages).Message;
        Assert.Equal(0x80000000L, message.LargestChunk);
        Assert.True(message.Incomplete);
    }

    [Theory]
    [InlineData("Content-Length: abc")]
    [InlineData("Content-Length: 5\r\nContent-Length: 6")]
    public void ABadContentLengthIsAnAnomaly(string header)
    {
        var driver = new ReaderDriver();
        driver.Feed($"POST /x HTTP/1.1\r\n{header}\r\n\r\n<a>hello</a>\r\n" + Subscribe);

        Assert.Equal(HttpAnomalyIds.BadContentLength, Assert.Single(driver.Sink.Anomalies).Id);
        Assert.Equal(["POST", "SUBSCRIBE"], driver.Owner.Messages.Select(m => m.Message.Method));
    }

    [Theory]
    [MemberData(nameof(HttpParsingData.NotHttp), MemberType = typeof(HttpParsingData))]
    public void AStreamThatDoesNotStartWithHttpIsGivenUp(string text)
    {
        var driver = new ReaderDriver();
        driver.Feed(text);

        Assert.True(driver.Owner.NotHttp);
        Assert.True(driver.Reader.IsDone);
        Assert.Empty(driver.Owner.Messages);
        Assert.Equal(0, driver.Pending);
    }

    [Fact]
    public void APickupInTheMiddleResynchronizesAtTheNextMessage()
    {
        var driver = new ReaderDriver(midStream: true);
        driver.Feed("ody of an earlier message\r\nstill body\r\n" + Subscribe);

        Assert.False(driver.Owner.NotHttp);
        Assert.Equal("SUBSCRIBE", Assert.Single(driver.Owner.Messages).Message.Method);
        Assert.Empty(driver.Sink.Anomalies);
    }

    [Fact]
    public void APickupThatNeverFindsAMessageGivesUpAfterTheBudget()
    {
        var driver = new ReaderDriver(new HttpStreamLimits { ResyncBudgetBytes = 100 }, midStream: true);
        for (int i = 0; i < 10 && !driver.Owner.NotHttp; i++) driver.Feed(new string('z', 40) + "\r\n");

        Assert.True(driver.Owner.NotHttp);
    }

    [Fact]
    public void APickupInBinaryBytesIsSetAsideAndDropsItsBytesUntilResumed()
    {
        var driver = new ReaderDriver(midStream: true);
        driver.Feed("\u0017\u0003\u0003\u0001 encrypted\r\n" + Subscribe);

        Assert.True(driver.Reader.IsSetAside);
        Assert.Equal([StreamDirection.FromOriginator], driver.Owner.SetAsideAsked);
        Assert.Empty(driver.Owner.Messages);
        Assert.Equal(0, driver.Pending);

        driver.Feed(Subscribe);
        Assert.Empty(driver.Owner.Messages);

        driver.Reader.Resume();
        driver.Feed("tail\r\n" + Subscribe);
        Assert.Equal("SUBSCRIBE", Assert.Single(driver.Owner.Messages).Message.Method);
        Assert.Empty(driver.Sink.Anomalies);
    }

    [Fact]
    public void APickupInBinaryBytesTheOwnerKeepsResynchronizesAsBefore()
    {
        var driver = new ReaderDriver(midStream: true);
        driver.Owner.AllowsSetAside = false;
        driver.Feed("\u0089PNG\r\n\u001a\n\0\0\0\rIHDR\r\n" + Subscribe);

        Assert.False(driver.Reader.IsSetAside);
        Assert.Equal("SUBSCRIBE", Assert.Single(driver.Owner.Messages).Message.Method);
    }

    [Theory]
    [InlineData("ody of an earlier message\r\nstill body\r\n\tindented <e>é</e>\r\n")]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">\n</s:Envelope>\n")]
    public void APickupInTextIsNotSetAside(string text)
    {
        var driver = new ReaderDriver(midStream: true);
        driver.Feed(text + Subscribe);

        Assert.Empty(driver.Owner.SetAsideAsked);
        Assert.Equal("SUBSCRIBE", Assert.Single(driver.Owner.Messages).Message.Method);
    }

    [Fact]
    public void OnlyTheFirstBytesOfAPickupAreCheckedForBinary()
    {
        var driver = new ReaderDriver(new HttpStreamLimits { PickupCheckBytes = 64 }, midStream: true);
        driver.Feed(new string('t', 40) + "\r\n");
        driver.Feed(new string('u', 40) + "\0\r\n" + Subscribe);

        Assert.Empty(driver.Owner.SetAsideAsked);
        Assert.Equal("SUBSCRIBE", Assert.Single(driver.Owner.Messages).Message.Method);
    }

    [Fact]
    public void BinaryBytesAfterAHandshakeOrAfterAMessageStartAreNotSetAside()
    {
        var fromStart = new ReaderDriver();
        fromStart.Feed(Subscribe + "\0\u0001 binary\r\n" + Subscribe);
        var pickedUp = new ReaderDriver(midStream: true);
        pickedUp.Feed(Subscribe + "\0\u0001 binary\r\n" + Subscribe);

        Assert.Empty(fromStart.Owner.SetAsideAsked);
        Assert.Empty(pickedUp.Owner.SetAsideAsked);
        Assert.Equal(2, pickedUp.Owner.Messages.Count);
    }

    [Fact]
    public void AGapInsideABodyOfKnownLengthKeepsTheFraming()
    {
        var driver = new ReaderDriver();
        driver.Feed("POST /x HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
        driver.Gap(4);
        driver.Feed("hij" + Subscribe);

        Assert.Equal(["POST", "SUBSCRIBE"], driver.Owner.Messages.Select(m => m.Message.Method));
        Assert.Equal("abchij", driver.Owner.Messages[0].Body);
        Assert.Equal(4, driver.Owner.Messages[0].Message.BodyMissing);
        Assert.Equal(10, driver.Owner.Messages[0].Message.BodyLength);
    }

    [Fact]
    public void AGapInsideAHeadResynchronizesAtTheNextMessage()
    {
        var driver = new ReaderDriver();
        driver.Feed("SUBSCRIBE /a HTTP/1.1\r\nHOST: x\r\n");
        driver.Gap(50);
        driver.Feed("T: upnp:event\r\n\r\n" + FoldedLfOnly);

        Assert.Equal("NOTIFY", Assert.Single(driver.Owner.Messages).Message.Method);
    }

    [Fact]
    public void SwitchingProtocolsEndsHttpOnTheConnection()
    {
        var driver = new ReaderDriver();
        driver.Feed("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\u0081\u0005hello");

        Assert.Single(driver.Owner.Messages);
        Assert.True(driver.Owner.NotHttp);
    }
}
