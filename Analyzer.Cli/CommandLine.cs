using System.CommandLine;
using Analyzer.Capture;
using Analyzer.Cli.Commands.Analyze;
using Analyzer.Cli.Commands.Generate;
using Analyzer.Cli.Commands.Interfaces;
using Analyzer.Cli.Commands.Report;
using Analyzer.Cli.Commands.Rules;
using Analyzer.Cli.Commands.Sniff;
using Analyzer.Cli.Commands.Train;
using Analyzer.Cli.Usage;

namespace Analyzer.Cli;

/// <summary>
/// The root command: registers the verbs, turns parse errors into exit code 2 and any failure into one line on
/// stderr (never a stack trace).
/// </summary>
public static class CommandLine
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Passive sensor for UPnP-family abuse (SSDP, UPnP IGD SOAP, GENA, NAT-PMP/PCP, DIAL/Cast)")
        {
            AnalyzeCommandDefinition.Create(),
            SniffCommandDefinition.Create(),
            InterfacesCommandDefinition.Create(),
            RulesCommandDefinition.Create(),
            GenerateCommandDefinition.Create(),
            TrainCommandDefinition.Create(),
            ReportCommandDefinition.Create(),
            Commands.Fleet.FleetCommandDefinition.Create(),
        };
        return root;
    }

    public static int Run(string[] args)
    {
        StartupTrace.Mark("main");
        var root = CreateRoot();
        StartupTrace.Mark("commands built");
        var parse = root.Parse(HelpVerb.Rewrite(args));
        StartupTrace.Mark("arguments parsed");
        // An unknown option is named before anything else: the parser would take it for a file name.
        if (UnknownTokens.Find(parse, args) is { } unknown)
        {
            CliConsole.Error(unknown);
            return ExitCodes.Usage;
        }
        if (parse.Errors.Count > 0)
        {
            foreach (var message in parse.Errors.Select(e => e.Message).Distinct()) CliConsole.Error(message);
            return ExitCodes.Usage;
        }
        try
        {
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
            Console.CancelKeyPress += onCancel;
            using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
                System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; cancel.Cancel(); });
            try
            {
                return parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancel.Token).GetAwaiter().GetResult();
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }
        catch (Analyzer.Configuration.ConfigException e)
        {
            CliConsole.Error(e.Message);
            return ExitCodes.BadInput;
        }
        catch (Learning.ModelFileException e)
        {
            CliConsole.Error(e.Message);
            return ExitCodes.BadInput;
        }
        catch (CaptureException e)
        {
            CliConsole.Error(e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (LibPcapErrors.IsMissingLibrary(e))
        {
            CliConsole.Error(LibPcapErrors.Missing);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CliConsole.Error(LibPcapErrors.OneLine(e.Message));
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            CliConsole.Error($"internal error ({e.GetType().Name}): {LibPcapErrors.OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
    }
}
