using Analyzer.Decoding.Dial;
using Analyzer.Decoding.Gena;
using Analyzer.Packets;

namespace Analyzer.Tests.Decoding;

public class MessageKindTests
{
    [Theory]
    [InlineData("SUBSCRIBE", GenaMessageKind.Subscribe)]
    [InlineData("UNSUBSCRIBE", GenaMessageKind.Unsubscribe)]
    [InlineData("NOTIFY", GenaMessageKind.Notify)]
    [InlineData("RESPONSE", GenaMessageKind.Response)]
    [InlineData("subscribe", GenaMessageKind.Other)]
    public void AGenaMessageKindFollowsItsDecodedText(string kind, GenaMessageKind expected) =>
        Assert.Equal(expected, new GenaMessage(default(PacketInfo)) { Kind = kind }.MessageKind);

    [Theory]
    [InlineData("LAUNCH", DialMessageKind.Launch)]
    [InlineData("STOP", DialMessageKind.Stop)]
    [InlineData("STATUS", DialMessageKind.Status)]
    [InlineData("HIDE", DialMessageKind.Hide)]
    [InlineData("DIAL_DATA", DialMessageKind.DialData)]
    [InlineData("DEVICE_DESC", DialMessageKind.DeviceDescription)]
    [InlineData("RESPONSE", DialMessageKind.Response)]
    [InlineData("PUT", DialMessageKind.Other)]
    public void ADialMessageKindFollowsItsDecodedText(string kind, DialMessageKind expected) =>
        Assert.Equal(expected, new DialMessage(default(PacketInfo)) { Kind = kind }.MessageKind);
}
