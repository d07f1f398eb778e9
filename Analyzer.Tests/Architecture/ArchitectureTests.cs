using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Analyzer.Tests.Architecture;

/// <summary>
/// Keeps the house its shape: each room (namespace) uses only the rooms <see cref="Rooms.MayUse"/> allows it, and no
/// two rooms use each other. One test case per room, so the test list names every rule enforced.
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly Library = typeof(AnalyzerPipeline).Assembly;

    // The synthetic capture generator is a tool beside the sensor, in its own assembly; its rooms are checked too.
    private static readonly Assembly Generator = typeof(Analyzer.Generation.CaptureGenerator).Assembly;

    private static readonly Assembly[] Checked = [Library, Generator];

    public static TheoryData<string, string> RoomRules()
    {
        var data = new TheoryData<string, string>();
        foreach (var (room, allowed) in Rooms.MayUse.OrderBy(r => r.Key, StringComparer.Ordinal))
            data.Add(room, allowed.Length == 0 ? "(nothing)" : string.Join(", ", allowed.Order(StringComparer.Ordinal)));
        return data;
    }

    [Theory]
    [MemberData(nameof(RoomRules))]
    public void ARoomUsesOnlyTheRoomsBelowIt(string room, string mayUse)
    {
        var allowed = Rooms.MayUse[room].Append(room).ToHashSet(StringComparer.Ordinal);
        var forbidden = TypeNamesOf(Rooms.MayUse.Keys.Where(r => !allowed.Contains(r)));
        Assert.NotEmpty(TypesIn(room));
        var result = Types.InAssemblies(Checked).That().ResideInNamespaceMatching(Exactly(room))
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful,
            $"{Rooms.Namespace(room)} may use only {mayUse}; these types reach further: "
            + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void EveryNamespaceOfTheLibraryAndTheGeneratorIsADeclaredRoom()
    {
        var undeclared = Checked.SelectMany(a => a.GetTypes())
            .Select(t => t.Namespace ?? "")
            .Where(ns => ns.StartsWith("Analyzer", StringComparison.Ordinal))
            .Distinct()
            .Where(ns => !Rooms.MayUse.ContainsKey(ns == "Analyzer" ? "" : ns["Analyzer.".Length..]))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public void TheSensorsAssemblyHoldsNothingOfTheGeneratorAndDoesNotReferenceIt()
    {
        Assert.DoesNotContain(Library.GetTypes(), t => t.Namespace?.StartsWith("Analyzer.Generation", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(Library.GetReferencedAssemblies(), a => a.Name == Generator.GetName().Name);
    }

    [Fact]
    public void NoTwoRoomsMayUseEachOther()
    {
        var twoWay = Rooms.MayUse
            .SelectMany(r => r.Value.Where(other => Rooms.MayUse.TryGetValue(other, out var back) && back.Contains(r.Key))
                .Select(other => r.Key + " <-> " + other))
            .ToList();
        Assert.Empty(twoWay);
    }

    [Fact]
    public void EveryRoomAllowedIsADeclaredRoom()
    {
        var unknown = Rooms.MayUse.SelectMany(r => r.Value).Distinct().Where(r => !Rooms.MayUse.ContainsKey(r)).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void TheRuleCatchesATypeThatReachesUpTheHouse()
    {
        // Rules depend on the pipeline's rooms below them; the pipeline room is above every rule.
        var result = Types.InAssembly(Library).That().ResideInNamespaceMatching(Exactly("Pipeline"))
            .ShouldNot().HaveDependencyOnAny(TypeNamesOf(["Rules"])).GetResult();
        Assert.False(result.IsSuccessful);
    }

    private static string Exactly(string room) => "^" + Regex.Escape(Rooms.Namespace(room)) + "$";

    private static IEnumerable<Type> TypesIn(string room) =>
        Checked.SelectMany(a => a.GetTypes()).Where(t => t.Namespace == Rooms.Namespace(room));

    // Whole type names, not namespace prefixes: "Analyzer.Decoding" must not also forbid "Analyzer.Decoding.Http".
    private static string[] TypeNamesOf(IEnumerable<string> rooms) =>
        rooms.SelectMany(TypesIn).Where(t => !t.IsNested).Select(t => t.FullName!).ToArray();
}
