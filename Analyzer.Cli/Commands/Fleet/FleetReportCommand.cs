using System.CommandLine;
using System.Diagnostics;
using Analyzer.Census;
using Analyzer.Network;
using Analyzer.Output;
using Analyzer.Output.Report;
using Analyzer.Publishing;
using Def = Analyzer.Cli.Commands.Fleet.FleetCommandDefinition;

namespace Analyzer.Cli.Commands.Fleet;

/// <summary>
/// Reads the sensors' streams with a consumer group until no new entry comes for the idle time, de-duplicated by
/// (sensor, sequence), gathers them per sensor and prints the census: the fleet's, or one home's.
/// </summary>
public static class FleetReportCommand
{
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var target = PublishTarget.Parse(parse.GetValue(Def.Redis)!);
        var html = parse.GetValue(Def.Html);
        if (html is not null && CsvOutput.CheckWritable(html) is { } problem)
        {
            CliConsole.Error(problem);
            return ExitCodes.BadInput;
        }
        var group = parse.GetValue(Def.Group) ?? $"fleet-report-{DateTime.UtcNow:yyyyMMddTHHmmss}-{Environment.ProcessId}";
        var idle = TimeSpan.FromSeconds(parse.GetValue(Def.Idle));

        var records = new FleetRecords();
        FleetConsumer consumer;
        await using (var source = new RedisStreamSource(target, group, $"{Environment.MachineName}-{Environment.ProcessId}",
            [RecordType.Alert, RecordType.Device, RecordType.Mapping]))
        {
            consumer = new FleetConsumer(source);
            try
            {
                await ReadAllAsync(consumer, records, idle, cancel);
            }
            catch (BrokerUnavailableException e)
            {
                CliConsole.Error(e.Message);
                return ExitCodes.BadInput;
            }
        }
        CliConsole.Info($"read {consumer.Received:N0} records from {records.Sensors:N0} sensors ({target}, group {group}); " +
            $"{consumer.Duplicates:N0} duplicates and {consumer.Malformed + records.Malformed:N0} malformed entries skipped");
        if (records.RecordsDropped > 0) CliConsole.Warn($"{records.RecordsDropped:N0} records beyond the caps were not kept");

        var network = new NetworkContext();
        if (parse.GetValue(Def.Sensor) is { } sensor)
        {
            var home = records.Homes().FirstOrDefault(h => h.Sensor == sensor);
            if (home.Records is null)
            {
                CliConsole.Error($"--sensor {sensor}: no record of this sensor in the streams");
                return ExitCodes.BadInput;
            }
            var census = CensusBuilder.Build(home.Records, network);
            string source = $"sensor {sensor} on {target}";
            CensusTextReport.Write(Console.Out, census, source);
            if (html is not null) Write(html, w => CensusHtmlReport.Write(w, census, source));
            return ExitCodes.Success;
        }
        var fleet = FleetCensusBuilder.Build(records, network);
        string name = target.ToString();
        FleetTextReport.Write(Console.Out, fleet, name);
        if (html is not null) Write(html, w => FleetHtmlReport.Write(w, fleet, name));
        return ExitCodes.Success;
    }

    private static async Task ReadAllAsync(FleetConsumer consumer, FleetRecords records, TimeSpan idle, CancellationToken cancel)
    {
        var quiet = Stopwatch.StartNew();
        while (!cancel.IsCancellationRequested)
        {
            var batch = await consumer.ReadAsync(cancel);
            if (batch.Count == 0)
            {
                if (quiet.Elapsed >= idle) return;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200, idle.TotalMilliseconds / 4)), cancel);
                continue;
            }
            foreach (var r in batch) records.Add(r.SensorId, r.Json);
            await consumer.AcknowledgeAsync(batch, cancel);
            quiet.Restart();
        }
    }

    private static void Write(string path, Action<TextWriter> write)
    {
        using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false))) write(writer);
        CliConsole.Info($"wrote {path}");
    }
}
