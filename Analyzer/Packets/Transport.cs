namespace Analyzer.Packets;

public enum Transport : byte
{
    Other = 0,
    Tcp = 6,
    Udp = 17,
}
