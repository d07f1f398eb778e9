using Analyzer.Benchmarks;
using BenchmarkDotNet.Running;

// `readloop FILE`: the bare SharpPcap read loop, the ceiling the analyzer is measured against (bench/run).
if (args is ["readloop", var file]) return ReadLoop.Run(file);
// `corpus OUT mixed|dense PACKETS`: the benchmark captures (bench/run).
if (args is ["stages", var staged]) return StageProfile.Run(staged);
if (args is ["corpus", ..]) return BenchCorpus.Run(args[1..]);
// `publish SENSORS RECORDS [URL]`: simulated sensors publishing at once into Redis, one aggregator reading back.
if (args is ["publish", ..]) return PublishLoad.Run(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
