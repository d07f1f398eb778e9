using Analyzer.Rules.Banners;
using Analyzer.Rules.Cast;
using Analyzer.Rules.Gena;
using Analyzer.Rules.Mapping;
using Analyzer.Rules.NatPmp;
using Analyzer.Rules.Soap;
using Analyzer.Rules.Ssdp;

namespace Analyzer.Rules.BuiltIn;

/// <summary>
/// The rule set the sensor ships with (docs/rules.md lists it; <c>analyzer rules</c> prints it). Each call makes
/// fresh instances: rules hold per-run state.
/// </summary>
public static class BuiltInRules
{
    public static IReadOnlyList<IRule> Create() =>
    [
        // SSDP
        new UnterminatedSearchRule(),
        new UsnOverflowRule(),
        new UuidSearchOverflowRule(),
        new LocationOverflowRule(),
        new HeaderInjectionRule(),
        new SearchFromWanRule(),
        new WanExposedRule(),
        new AmplificationRule(),
        new ReflectionVictimRule(),
        new RogueLocationRule(),
        new RogueEchoRule(),
        new RogueBannerRule(),
        new RogueCloneRule(),
        new RogueGatewayRule(),
        new DescriptionLinkRule(),
        // Banners
        new VulnerableStackBannerRule(),
        // Port mappings: IGD SOAP, NAT-PMP and PCP
        new NonLanClientRule(),
        new EternalSilenceRule(),
        new CastPortRule(),
        new SensitivePortRule(),
        new ThirdPartyLanRule(),
        new MapFloodRule(),
        new LongLifetimeRule(),
        new PcpThirdPartyRule(),
        new PinholeRule(),
        // IGD SOAP control
        new ControlFromWanRule(),
        new EnumerationSweepRule(),
        new SoapActionOverflowRule(),
        new SoapActionNoHashRule(),
        new SoapActionDegenerateRule(),
        new MissingArgumentsRule(),
        new InternalClientInjectionRule(),
        new HuaweiUpgradeRule(),
        new LibupnpPostFileWriteRule(),
        new CommandInjectionRule(),
        new NetgearAuthenticateRule(),
        new XmlBombRule(),
        new ChunkSizeOverflowRule(),
        // GENA
        new CallStrangerRule(),
        new NotifyToExternalRule(),
        new CallbackMismatchRule(),
        new SidOverflowRule(),
        new EventLeakRule(),
        new CallbackPortOverflowRule(),
        new MalformedSubscribeRule(),
        // NAT-PMP / PCP
        new FromWanRule(),
        new PcpCrashRule(),
        new AnnounceFloodRule(),
        // DIAL / Cast
        new DialLaunchRule(),
        new CastSetupAbuseRule(),
        new CastProbeRule(),
        new CastChannelFromWanRule(),
    ];

    /// <summary>Every built-in rule's identity, in the order above.</summary>
    public static IReadOnlyList<RuleInfo> Infos() => Create().Select(r => r.Info).ToList();
}
