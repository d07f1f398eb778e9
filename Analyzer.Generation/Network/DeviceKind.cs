namespace Analyzer.Generation.Network;

public enum DeviceKind : byte
{
    Router,
    WindowsPc,
    AndroidPhone,
    Tv,
    Chromecast,
    Speaker,
    Nas,
    Console,
    Laptop,
    Camera,
    Extender,
    MediaPlayer,
    AttackerBox,
}
