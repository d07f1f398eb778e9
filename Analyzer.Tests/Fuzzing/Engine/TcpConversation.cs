namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// The payload bytes of one TCP connection of a seed capture, per direction, in capture order (the committed
/// captures are generated in order, so capture order is stream order).
/// </summary>
public sealed class TcpConversation(string capture, ushort clientPort, ushort serverPort)
{
    public string Capture { get; } = capture;
    public ushort ClientPort { get; } = clientPort;
    public ushort ServerPort { get; } = serverPort;
    public MemoryStream Client { get; } = new();
    public MemoryStream Server { get; } = new();

    /// <summary>Both directions as one text, for classifying the conversation by what it carries.</summary>
    public string Text => System.Text.Encoding.Latin1.GetString(Client.ToArray()) + "\n" + System.Text.Encoding.Latin1.GetString(Server.ToArray());
}
