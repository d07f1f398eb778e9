using System.Text;
using Analyzer.Decoding.Soap;
using static Analyzer.Tests.Decoding.Soap.SoapParsingData;

namespace Analyzer.Tests.Decoding.Soap;

public class SoapParserTests
{
    [Theory]
    [InlineData("\"urn:schemas-upnp-org:service:WANIPConnection:1#AddPortMapping\"", "urn:schemas-upnp-org:service:WANIPConnection:1", "AddPortMapping", true, null)]
    [InlineData("urn:schemas-upnp-org:service:WANIPConnection:1#AddPortMapping", "urn:schemas-upnp-org:service:WANIPConnection:1", "AddPortMapping", false, null)]
    [InlineData("  'urn:dslforum-org:service:WANIPConnection:1#GetInfo'  ", "urn:dslforum-org:service:WANIPConnection:1", "GetInfo", true, null)]
    [InlineData("\"urn:Belkin:service:basicevent:1#SetBinaryState", "urn:Belkin:service:basicevent:1", "SetBinaryState", false, "unbalanced_quote")]
    [InlineData("urn:Belkin:service:basicevent:1#SetBinaryState\"", "urn:Belkin:service:basicevent:1", "SetBinaryState", false, "unbalanced_quote")]
    [InlineData("\"http://purenetworks.com/HNAP1/GetDeviceSettings\"", "http://purenetworks.com/HNAP1/GetDeviceSettings", "", true, "no_hash")]
    [InlineData("", "", "", false, "empty")]
    [InlineData("'", "", "", false, "lone_quote")]
    [InlineData("\"\"", "", "", true, "no_hash")]
    public void TheSoapActionHeaderIsSplitIntoServiceTypeAndAction(string raw, string serviceType, string action, bool quoted, string? issue)
    {
        var header = SoapActionHeader.Parse(raw);
        Assert.Equal(raw, header.Raw);
        Assert.Equal(serviceType, header.ServiceType);
        Assert.Equal(action, header.Action);
        Assert.Equal(quoted, header.Quoted);
        Assert.Equal(issue, header.Issue);
    }

    [Theory]
    [InlineData("urn:schemas-upnp-org:service:WANIPConnection:2", "schemas-upnp-org", "WANIPConnection", 2)]
    [InlineData("URN:Belkin:SERVICE:basicevent:1", "Belkin", "basicevent", 1)]
    [InlineData("urn:NETGEAR-ROUTER:service:ParentalControl:1", "NETGEAR-ROUTER", "ParentalControl", 1)]
    public void AUpnpServiceTypeIsParsed(string text, string domain, string type, int version)
    {
        Assert.True(UpnpServiceType.TryParse(text, out var service));
        Assert.Equal(new UpnpServiceType(domain, type, version), service);
    }

    [Theory]
    [InlineData("http://purenetworks.com/HNAP1/")]
    [InlineData("http://tempuri.org/")]
    [InlineData("urn:example-com:quotes")]
    [InlineData("urn:schemas-upnp-org:device:InternetGatewayDevice:1")]
    [InlineData("urn:x:service::1")]
    [InlineData("urn:x:service:T:one")]
    [InlineData("")]
    [InlineData(null)]
    public void TextThatIsNotAUpnpServiceTypeIsRejected(string? text) => Assert.False(UpnpServiceType.IsServiceType(text));

    [Fact]
    public void EveryPrefixOfAnEnvelopeIsReadWithoutThrowingAndTheWholeGivesEveryArgument()
    {
        var body = Encoding.UTF8.GetBytes(Envelope(Action("AddPortMapping", WanIp1, AddPortMappingArgs)));
        for (int k = 0; k < body.Length; k++)
        {
            var partial = SoapEnvelopeParser.Parse(body.AsSpan(0, k));
            Assert.True(partial.Arguments.Count <= 8);
            if (k > 0) Assert.NotNull(partial.Evidence.Error);
        }
        var whole = SoapEnvelopeParser.Parse(body);
        Assert.Null(whole.Evidence.Error);
        Assert.Equal("AddPortMapping", whole.ActionName);
        Assert.Equal(WanIp1, whole.ActionNamespace);
        Assert.Equal(AddPortMappingArgs.Select(a => a.Item1), whole.Arguments.Select(a => a.Name));
        Assert.Equal(AddPortMappingArgs.Select(a => a.Item2), whole.Arguments.Select(a => a.Value));
    }

    [Fact]
    public void ArgumentsBeyondTheCapAreCounted()
    {
        var args = Enumerable.Range(0, 100).Select(i => ($"A{i}", "v")).ToArray();
        var envelope = SoapEnvelopeParser.Parse(Encoding.UTF8.GetBytes(Envelope(Action("X", WanIp1, args))));
        Assert.Equal(SoapEnvelopeParser.MaxArguments, envelope.Arguments.Count);
        Assert.Equal(100, envelope.ArgumentCount);
    }

    [Fact]
    public void CdataAndNestedTextAreKeptAsTheArgumentValue()
    {
        var envelope = SoapEnvelopeParser.Parse(Encoding.UTF8.GetBytes(Envelope(
            $"<u:SetX xmlns:u=\"{WanIp1}\"><NewA><![CDATA[<b>$(reboot)</b>]]></NewA><NewB>x<i>y</i>z</NewB></u:SetX>")));
        Assert.Equal("<b>$(reboot)</b>", envelope.Argument("NewA"));
        Assert.Equal("xyz", envelope.Argument("NewB"));
    }

    [Fact]
    public void EveryIgdServiceHasItsPortMappingActions()
    {
        Assert.True(UpnpServiceType.TryParse(WanIp1, out var wanIp));
        Assert.True(IgdActions.TryGetInputs(wanIp, "AddPortMapping", out var inputs));
        Assert.Equal(8, inputs.Length);
        Assert.True(IgdActions.TryGetInputs(wanIp, "GetExternalIPAddress", out var none));
        Assert.Empty(none);
        Assert.True(UpnpServiceType.TryParse("urn:schemas-upnp-org:service:WANPPPConnection:1", out var ppp));
        Assert.True(IgdActions.TryGetInputs(ppp, "ConfigureConnection", out var credentials));
        Assert.Equal(["NewUserName", "NewPassword"], credentials);
        Assert.True(UpnpServiceType.TryParse("urn:vendor-com:service:WANIPConnection:1", out var vendor));
        Assert.False(IgdActions.TryGetInputs(vendor, "AddPortMapping", out _));
    }
}
