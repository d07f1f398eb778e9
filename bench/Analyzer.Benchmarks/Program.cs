using Analyzer.Benchmarks;
using BenchmarkDotNet.Running;

// `readloop FILE`: the bare SharpPcap read loop, the ceiling the analyzer is measured against (bench/run).
if (args is ["readloop", var file]) return ReadLoop.Run(file);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
