using Analyzer.Decoding;
using Analyzer.Decoding.NatPmp;
using static Analyzer.Tests.Decoding.NatPmp.NatPmpTestPackets;

namespace Analyzer.Tests.Decoding.NatPmp;

public class NatPmpParserTests
{
    [Theory]
    [MemberData(nameof(NatPmpParsingData.RealMessages), MemberType = typeof(NatPmpParsingData))]
    public void CapturedMessagesDecodeAsWiresharkShowsThem(string source, string hex, string name, string fields)
    {
        var status = NatPmpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out var issue);

        Assert.Equal(ParseStatus.Ok, status);
        Assert.True(issue.IsNone, source);
        Assert.Equal(name, message!.Message);
        Assert.Equal("natpmp", message.Protocol);
        Assert.Equal(fields, FieldText(message));
    }

    [Theory]
    [MemberData(nameof(NatPmpParsingData.ConstructedMessages), MemberType = typeof(NatPmpParsingData))]
    public void ConstructedMessagesDecodeFieldByField(string hex, string name, string fields)
    {
        var status = NatPmpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out var issue);

        Assert.Equal(ParseStatus.Ok, status);
        Assert.True(issue.IsNone);
        Assert.Equal(name, message!.Message);
        Assert.Equal(fields, FieldText(message));
    }

    [Theory]
    [MemberData(nameof(NatPmpParsingData.ToleratedMessages), MemberType = typeof(NatPmpParsingData))]
    public void UnknownOpcodesAndTrailingBytesAreDecodedAndReported(string hex, string name, string fields, string anomalyId)
    {
        var status = NatPmpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out var issue);

        Assert.Equal(ParseStatus.Ok, status);
        Assert.Equal(name, message!.Message);
        Assert.Equal(fields, FieldText(message));
        Assert.Equal(anomalyId, issue.Id);
    }

    [Theory]
    [MemberData(nameof(NatPmpParsingData.MalformedMessages), MemberType = typeof(NatPmpParsingData))]
    public void MalformedMessagesAreRejectedWithTheirAnomaly(string hex, string anomalyId)
    {
        var status = NatPmpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out var issue);

        Assert.Equal(ParseStatus.Invalid, status);
        Assert.Null(message);
        Assert.Equal(anomalyId, issue.Id);
        Assert.False(string.IsNullOrEmpty(issue.Detail));
    }

    [Theory]
    [MemberData(nameof(NatPmpParsingData.PrefixSources), MemberType = typeof(NatPmpParsingData))]
    public void EveryPrefixOfAValidMessageIsRejectedAsTruncated(string hex)
    {
        byte[] whole = Convert.FromHexString(hex);
        Assert.Equal(ParseStatus.Ok, NatPmpParser.TryParse(whole, ToServer(), out _, out _));

        for (int length = 0; length < whole.Length; length++)
        {
            var status = NatPmpParser.TryParse(whole.AsSpan(0, length), ToServer(), out var message, out var issue);

            Assert.Equal(ParseStatus.Invalid, status);
            Assert.Null(message);
            Assert.Equal("natpmp.truncated", issue.Id);
        }
    }

    [Fact]
    public void MapResponseExposesTypedFields()
    {
        var packet = Udp("192.168.1.254", 5351, "192.168.1.128", 36852, frame: 4);
        NatPmpParser.TryParse(Convert.FromHexString("00820000002b3ae5c8d5c8d500000e10"), packet, out var message, out _);

        Assert.NotNull(message);
        Assert.Equal(packet, message.Packet);
        Assert.Equal(0, message.Version);
        Assert.Equal((byte)NatPmpOpcode.MapTcpResponse, message.Opcode);
        Assert.True(message.IsResponse);
        Assert.True(message.IsKnownOpcode);
        Assert.Equal((ushort)NatPmpResultCode.Success, message.ResultCode);
        Assert.Equal("Success", message.ResultName);
        Assert.Equal(2833125u, message.Epoch);
        Assert.Equal((ushort)51413, message.InternalPort);
        Assert.Equal((ushort)51413, message.ExternalPort);
        Assert.Equal(3600u, message.Lifetime);
        Assert.Null(message.ExternalAddress);
    }

    [Fact]
    public void ExternalAddressResponseExposesTheAddressAsIPv4()
    {
        NatPmpParser.TryParse(Convert.FromHexString("00800000002b3add0ac9d5ae"), ToServer(), out var message, out _);

        Assert.Equal(NetAddress.Parse("10.201.213.174"), message!.ExternalAddress);
        Assert.False(message.ExternalAddress!.Value.IsV6);
        Assert.Null(message.InternalPort);
        Assert.Null(message.Lifetime);
    }

    [Fact]
    public void RequestsCarryNoResultCodeOrEpoch()
    {
        NatPmpParser.TryParse(Convert.FromHexString("000100001f901f9000015180"), ToServer(), out var message, out _);

        Assert.False(message!.IsResponse);
        Assert.Null(message.ResultCode);
        Assert.Null(message.ResultName);
        Assert.Null(message.Epoch);
    }

    [Fact]
    public void FieldLayoutMatchesRfc6886()
    {
        Assert.Equal(2, NatPmpFields.CommonHeaderLength);
        Assert.Equal(8, NatPmpFields.ResponseHeaderLength);
        Assert.Equal(12, NatPmpFields.MapRequestLength);
        Assert.Equal(12, NatPmpFields.ExternalAddressResponseLength);
        Assert.Equal(16, NatPmpFields.MapResponseLength);
    }
}
