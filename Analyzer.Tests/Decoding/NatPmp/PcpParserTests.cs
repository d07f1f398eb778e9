using Analyzer.Decoding;
using Analyzer.Decoding.NatPmp;
using static Analyzer.Tests.Decoding.NatPmp.NatPmpTestPackets;

namespace Analyzer.Tests.Decoding.NatPmp;

public class PcpParserTests
{
    [Theory]
    [MemberData(nameof(PcpParsingData.RealMessages), MemberType = typeof(PcpParsingData))]
    public void CapturedMessagesDecodeAsWiresharkShowsThem(string source, string hex, string name, string fields)
    {
        var status = PcpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out var issue);

        Assert.Equal(ParseStatus.Ok, status);
        Assert.True(issue.IsNone, source);
        Assert.Equal(name, message!.Message);
        Assert.Equal("pcp", message.Protocol);
        Assert.Equal(fields, FieldText(message));
    }

    [Theory]
    [MemberData(nameof(PcpParsingData.ConstructedMessages), MemberType = typeof(PcpParsingData))]
    public void ConstructedMessagesDecodeFieldByField(string hex, string name, string fields)
    {
        var status = PcpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out var issue);

        Assert.Equal(ParseStatus.Ok, status);
        Assert.Null(issue.Id);
        Assert.Equal(name, message!.Message);
        Assert.Equal(fields, FieldText(message));
    }

    [Theory]
    [MemberData(nameof(PcpParsingData.ToleratedMessages), MemberType = typeof(PcpParsingData))]
    public void UnknownOpcodesAndRepeatedOptionsAreDecodedAndReported(string hex, string name, string fields, string anomalyId)
    {
        var status = PcpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out var issue);

        Assert.Equal(ParseStatus.Ok, status);
        Assert.Equal(name, message!.Message);
        Assert.Equal(fields, FieldText(message));
        Assert.Equal(anomalyId, issue.Id);
    }

    [Theory]
    [MemberData(nameof(PcpParsingData.MalformedMessages), MemberType = typeof(PcpParsingData))]
    public void MalformedMessagesAreRejectedWithTheirAnomaly(string hex, string anomalyId)
    {
        var status = PcpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out var issue);

        Assert.Equal(ParseStatus.Invalid, status);
        Assert.Null(message);
        Assert.Equal(anomalyId, issue.Id);
        Assert.False(string.IsNullOrEmpty(issue.Detail));
    }

    [Theory]
    [MemberData(nameof(PcpParsingData.PrefixSources), MemberType = typeof(PcpParsingData))]
    public void EveryPrefixOfAMessageWithoutOptionsIsRejected(string hex)
    {
        byte[] whole = Convert.FromHexString(hex);
        Assert.Equal(ParseStatus.Ok, PcpParser.TryParse(whole, ToServer(), out _, out _));

        for (int length = 0; length < whole.Length; length++)
        {
            var status = PcpParser.TryParse(whole.AsSpan(0, length), ToServer(), out var message, out var issue);

            Assert.Equal(ParseStatus.Invalid, status);
            Assert.Null(message);
            Assert.Equal(length < PcpFields.HeaderLength ? "pcp.truncated_header" : "pcp.truncated_body", issue.Id);
        }
    }

    [Theory]
    [MemberData(nameof(PcpParsingData.PrefixSourcesWithOptions), MemberType = typeof(PcpParsingData))]
    public void EveryPrefixOfAMessageWithOptionsIsRejectedUnlessItEndsOnAnOptionBoundary(string hex, int[] boundaries)
    {
        byte[] whole = Convert.FromHexString(hex);
        Assert.Equal(ParseStatus.Ok, PcpParser.TryParse(whole, ToServer(), out _, out _));

        for (int length = 0; length < whole.Length; length++)
        {
            var status = PcpParser.TryParse(whole.AsSpan(0, length), ToServer(), out var message, out var issue);

            int boundary = Array.IndexOf(boundaries, length);
            if (boundary >= 0)
            {
                Assert.Equal(ParseStatus.Ok, status);
                Assert.Equal(boundary, message!.Options.Count);
            }
            else
            {
                Assert.Equal(ParseStatus.Invalid, status);
                Assert.Null(message);
                Assert.StartsWith("pcp.", issue.Id);
            }
        }
    }

    [Fact]
    public void PeerRequestExposesTypedFields()
    {
        string hex = "02020000" + "00000e10" + "20010db8000000000000000000000010"
            + PcpParsingData.Nonce + "11000000" + "13c413c4" + "00000000000000000000000000000000"
            + "0d960000" + "00000000000000000000ffffcb007107"
            + "01000010" + "20010db8000000000000000000000099";
        PcpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out _);

        Assert.NotNull(message);
        Assert.Equal(2, message.Version);
        Assert.Equal((byte)PcpOpcode.Peer, message.Opcode);
        Assert.False(message.IsResponse);
        Assert.Null(message.ResultCode);
        Assert.Null(message.Epoch);
        Assert.Equal(3600u, message.Lifetime);
        Assert.Equal(NetAddress.Parse("2001:db8::10"), message.ClientAddress);
        Assert.Equal(PcpParsingData.Nonce, message.Nonce);
        Assert.Equal((byte)17, message.ProtocolNumber);
        Assert.Equal((ushort)5060, message.InternalPort);
        Assert.Equal((ushort)5060, message.ExternalPort);
        Assert.Equal(NetAddress.Parse("::"), message.ExternalAddress);
        Assert.Equal((ushort)3478, message.RemotePort);
        Assert.Equal(NetAddress.Parse("203.0.113.7"), message.RemoteAddress);
        Assert.False(message.RemoteAddress!.Value.IsV6);
        var option = Assert.Single(message.Options);
        Assert.Equal((byte)PcpOptionCode.ThirdParty, option.Code);
        Assert.Equal((ushort)16, option.Length);
        Assert.Equal(NetAddress.Parse("2001:db8::99"), option.Address);
    }

    [Fact]
    public void MapRequestOptionsKeepTheirCodesLengthsAndValues()
    {
        string hex = PcpParsingData.MapRequest + PcpParsingData.ThirdParty192_168_1_50 + PcpParsingData.PreferFailure
            + "03000014" + "00401f90" + "20010db8000100000000000000000000" + PcpParsingData.Unknown200;
        PcpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out _);

        var options = message!.Options;
        Assert.Equal(4, options.Count);
        Assert.Equal(NetAddress.Parse("192.168.1.50"), options[0].Address);
        Assert.Equal(((byte)2, (ushort)0), (options[1].Code, options[1].Length));
        Assert.Equal(((byte)3, (ushort)20), (options[2].Code, options[2].Length));
        Assert.Equal((byte)64, options[2].PrefixLength);
        Assert.Equal((ushort)8080, options[2].Port);
        Assert.Equal(NetAddress.Parse("2001:db8:1::"), options[2].Address);
        Assert.Equal(((byte)200, (ushort)4), (options[3].Code, options[3].Length));
        Assert.Equal("deadbeef", options[3].DataHex);
        Assert.False(options[3].IsKnown);
    }

    [Fact]
    public void ResponseExposesResultEpochAndAssignedMapping()
    {
        string hex = "02810000" + "00001c20" + "000004d2" + "000000000000000000000000"
            + PcpParsingData.Nonce + "06000000" + "01bd9dfd" + "00000000000000000000ffffc6336404";
        PcpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out _);

        Assert.True(message!.IsResponse);
        Assert.Equal((byte)PcpResultCode.Success, message.ResultCode);
        Assert.Equal("SUCCESS", message.ResultName);
        Assert.Equal(1234u, message.Epoch);
        Assert.Equal(7200u, message.Lifetime);
        Assert.Null(message.ClientAddress);
        Assert.Equal((ushort)40445, message.ExternalPort);
        Assert.Equal(NetAddress.Parse("198.51.100.4"), message.ExternalAddress);
        Assert.Null(message.RemotePort);
        Assert.Empty(message.Options);
    }

    [Theory]
    [InlineData(0, "SUCCESS")]
    [InlineData(1, "UNSUPP_VERSION")]
    [InlineData(2, "NOT_AUTHORIZED")]
    [InlineData(3, "MALFORMED_REQUEST")]
    [InlineData(4, "UNSUPP_OPCODE")]
    [InlineData(5, "UNSUPP_OPTION")]
    [InlineData(6, "MALFORMED_OPTION")]
    [InlineData(7, "NETWORK_FAILURE")]
    [InlineData(8, "NO_RESOURCES")]
    [InlineData(9, "UNSUPP_PROTOCOL")]
    [InlineData(10, "USER_EX_QUOTA")]
    [InlineData(11, "CANNOT_PROVIDE_EXTERNAL")]
    [InlineData(12, "ADDRESS_MISMATCH")]
    [InlineData(13, "EXCESSIVE_REMOTE_PEERS")]
    [InlineData(14, "UNKNOWN")]
    [InlineData(255, "UNKNOWN")]
    public void ResultCodesCarryTheirRfc6887Names(byte code, string name)
    {
        string hex = "028000" + code.ToString("x2") + "00000000" + "00000021" + "000000000000000000000000";
        PcpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out _);

        Assert.Equal(code, message!.ResultCode);
        Assert.Equal(name, message.ResultName);
    }

    [Fact]
    public void SixteenOptionsAreKept()
    {
        string hex = PcpParsingData.MapRequest + string.Concat(Enumerable.Repeat(PcpParsingData.EmptyUnknown201, PcpParser.MaxOptions));
        var status = PcpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out _);

        Assert.Equal(ParseStatus.Ok, status);
        Assert.Equal(PcpParser.MaxOptions, message!.Options.Count);
        Assert.Contains(new KeyValuePair<string, string>("option_201", string.Join("; ", Enumerable.Repeat("", 16))), message.Fields());
    }

    [Fact]
    public void AMessageOfExactly1100BytesIsAcceptedAndLongOptionDataIsCapped()
    {
        string hex = PcpParsingData.MapRequest + "9600040c" + PcpParsingData.Bytes(1036);
        Assert.Equal(PcpFields.MaxMessageLength * 2, hex.Length);

        var status = PcpParser.TryParse(Convert.FromHexString(hex), ToServer(), out var message, out _);

        Assert.Equal(ParseStatus.Ok, status);
        var option = Assert.Single(message!.Options);
        Assert.Equal((ushort)1036, option.Length);
        Assert.Equal(PcpParsingData.Bytes(PcpOption.MaxDataHexBytes) + "…", option.DataHex);
    }

    [Fact]
    public void FieldLayoutMatchesRfc6887()
    {
        Assert.Equal(24, PcpFields.RequestHeaderLength);
        Assert.Equal(24, PcpFields.ResponseHeaderLength);
        Assert.Equal(36, PcpFields.MapDataLength);
        Assert.Equal(56, PcpFields.PeerDataLength);
        Assert.Equal(4, PcpFields.OptionHeaderLength);
        Assert.Equal(20, PcpFields.FilterDataLength);
    }
}
