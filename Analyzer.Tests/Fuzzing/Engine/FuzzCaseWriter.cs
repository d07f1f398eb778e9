using System.Buffers.Binary;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// Writes a failing case as three files named after target, kind and case seed: <c>.pcap</c> (the frames fed,
/// which <c>analyzer analyze</c> replays), <c>.bin</c> (the main mutated input) and <c>.txt</c> (what failed and the
/// command that rebuilds the case).
/// </summary>
public static class FuzzCaseWriter
{
    public static string Write(string directory, FuzzFailure failure)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{failure.Target}-{failure.Kind}-{failure.CaseSeed}");
        File.WriteAllBytes(stem + ".bin", failure.Case.Input);
        File.WriteAllBytes(stem + ".pcap", ToPcap(failure.Case));
        File.WriteAllText(stem + ".txt",
            failure + "\n\nreplay: dotnet run -c Release --project fuzz/Analyzer.Fuzz -- --replay " + failure.Target + ":" + failure.CaseSeed + "\n");
        return stem;
    }

    public static byte[] ToPcap(FuzzCase fuzzCase)
    {
        using var output = new MemoryStream();
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 262144);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)fuzzCase.LinkType);
        output.Write(header);
        Span<byte> record = stackalloc byte[16];
        foreach (var (time, frame) in fuzzCase.Frames)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(time / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(time % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            output.Write(record);
            output.Write(frame);
        }
        return output.ToArray();
    }
}
