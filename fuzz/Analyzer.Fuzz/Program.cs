using Analyzer.Fuzz;
using Analyzer.Tests.Fuzzing;

FuzzOptions options;
try
{
    options = FuzzOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(FuzzOptions.Usage);
    return 2;
}

var corpus = SeedCorpus.Load([.. options.SeedDirectories]);
var targets = FuzzTargets.Create(corpus);
Console.WriteLine($"seeds: {corpus.Frames.Count} frames, {corpus.Ssdp.Count} SSDP, {corpus.NatPmp.Count} NAT-PMP, {corpus.Pcp.Count} PCP datagrams, {corpus.Conversations.Count} TCP conversations");

if (options.List)
{
    foreach (var t in targets) Console.WriteLine($"{t.Name,-12} {t.Description}");
    return 0;
}

if (options.Replay is { } replay)
{
    var parts = replay.Split(':');
    var target = targets.Single(t => t.Name == parts[0]);
    var failure = FuzzRunner.RunOne(target, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine(failure?.ToString() ?? $"{replay}: no failure");
    if (failure is not null) Console.WriteLine("written: " + FuzzCaseWriter.Write(options.OutputDirectory, failure));
    return failure is null ? 0 : 1;
}

var names = options.Target == "all" ? targets.Select(t => t.Name).ToArray() : options.Target.Split(',');
var unknown = names.Where(n => targets.All(t => t.Name != n)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine("unknown target(s): " + string.Join(", ", unknown) + "; --list shows them");
    return 2;
}

int failures = 0;
foreach (var name in names)
{
    var target = targets.Single(t => t.Name == name);
    var report = FuzzRunner.Run(target, options.Seed, long.MaxValue, TimeSpan.FromMinutes(options.Minutes), TimeSpan.FromSeconds(options.CaseTimeoutSeconds));
    Console.WriteLine(report);
    foreach (var f in report.Failures)
    {
        failures++;
        Console.WriteLine("  " + f.ToString().Split('\n')[0]);
        Console.WriteLine("  written: " + FuzzCaseWriter.Write(options.OutputDirectory, f));
    }
    // A hung case keeps its (background) thread busy: later targets would share the core with it.
    if (report.Failures.Any(f => f.Kind == "hang")) break;
}
return failures == 0 ? 0 : 1;
