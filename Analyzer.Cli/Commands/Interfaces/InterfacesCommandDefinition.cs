using System.CommandLine;
using Analyzer.Capture;

namespace Analyzer.Cli.Commands.Interfaces;

/// <summary>`analyzer interfaces`: the capture devices with their addresses and link types.</summary>
public static class InterfacesCommandDefinition
{
    public static Command Create()
    {
        var command = new Command("interfaces", "List the capture interfaces with their addresses and link types");
        command.SetAction(_ =>
        {
            foreach (var i in LiveDeviceSource.ListInterfaces())
            {
                var addresses = i.Addresses.Count > 0 ? string.Join(", ", i.Addresses) : "no addresses";
                Console.WriteLine($"{i.Name}\t{i.LinkType}\t{addresses}{(i.Description is { Length: > 0 } d ? "\t" + d : "")}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
