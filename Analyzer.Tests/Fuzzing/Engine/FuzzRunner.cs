using System.Diagnostics;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// Runs a target case after case on a worker thread, under a watchdog: a case that runs longer than the per-case
/// timeout is reported as a hang and the run stops (the worker is a background thread, so a process can still exit).
/// Case seeds are derived from the run seed and the case index with a fixed mix, so a failure is rebuilt from its
/// case seed alone (<see cref="RunOne"/>).
/// </summary>
public static class FuzzRunner
{
    /// <summary>Failures kept per run; the run stops at this many.</summary>
    public const int MaxFailures = 20;

    public static int CaseSeed(int runSeed, long index)
    {
        // SplitMix64 finalizer: a stable mix (string/HashCode hashing is randomized per process).
        ulong z = (ulong)(uint)runSeed * 0x9E3779B97F4A7C15UL + (ulong)index;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    /// <summary>Runs one case; returns its failure, or null.</summary>
    public static FuzzFailure? RunOne(FuzzTarget target, int caseSeed)
    {
        var fuzzCase = new FuzzCase();
        try
        {
            target.RunCase(new Random(caseSeed), fuzzCase);
            return null;
        }
        catch (FuzzPropertyException e)
        {
            return new FuzzFailure(target.Name, caseSeed, "property", e.Message, fuzzCase);
        }
        catch (Exception e)
        {
            return new FuzzFailure(target.Name, caseSeed, "exception", e.GetType().Name + ": " + e.Message + "\n" + e.StackTrace, fuzzCase);
        }
    }

    /// <summary>Runs cases until <paramref name="maxCases"/> or <paramref name="duration"/>, whichever comes first.</summary>
    public static FuzzReport Run(FuzzTarget target, int runSeed, long maxCases, TimeSpan duration, TimeSpan perCaseTimeout)
    {
        var failures = new List<FuzzFailure>();
        long cases = 0;
        long caseStartTicks = 0;
        int currentSeed = 0;
        FuzzCase? current = null;
        bool stop = false;
        var clock = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            for (long i = 0; i < maxCases && !Volatile.Read(ref stop) && clock.Elapsed < duration; i++)
            {
                int seed = CaseSeed(runSeed, i);
                var fuzzCase = new FuzzCase();
                Volatile.Write(ref current, fuzzCase);
                Volatile.Write(ref currentSeed, seed);
                Volatile.Write(ref caseStartTicks, clock.ElapsedTicks);
                FuzzFailure? failure;
                try
                {
                    target.RunCase(new Random(seed), fuzzCase);
                    failure = null;
                }
                catch (FuzzPropertyException e)
                {
                    failure = new FuzzFailure(target.Name, seed, "property", e.Message, fuzzCase);
                }
                catch (Exception e)
                {
                    failure = new FuzzFailure(target.Name, seed, "exception", e.GetType().Name + ": " + e.Message + "\n" + e.StackTrace, fuzzCase);
                }
                Volatile.Write(ref caseStartTicks, 0);
                Interlocked.Increment(ref cases);
                if (failure is null) continue;
                lock (failures)
                {
                    failures.Add(failure);
                    if (failures.Count >= MaxFailures) return;
                }
            }
        }) { IsBackground = true, Name = "fuzz " + target.Name };
        worker.Start();
        long timeoutTicks = (long)(perCaseTimeout.TotalSeconds * Stopwatch.Frequency);
        while (!worker.Join(50))
        {
            long started = Volatile.Read(ref caseStartTicks);
            if (started != 0 && clock.ElapsedTicks - started > timeoutTicks)
            {
                Volatile.Write(ref stop, true);
                lock (failures)
                    failures.Add(new FuzzFailure(target.Name, Volatile.Read(ref currentSeed), "hang",
                        $"case still running after {perCaseTimeout.TotalSeconds:F0} s", Volatile.Read(ref current)!));
                break;
            }
        }
        lock (failures) return new FuzzReport(target.Name, runSeed, Interlocked.Read(ref cases), clock.Elapsed, [.. failures]);
    }
}
