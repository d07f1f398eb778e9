using Analyzer.Cli;

return CommandLine.Run(args);
