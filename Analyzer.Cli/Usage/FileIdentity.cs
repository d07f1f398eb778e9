using System.Runtime.InteropServices;

namespace Analyzer.Cli.Usage;

/// <summary>
/// A file's device and inode number: two names with the same identity are one file (a hard link, a symbolic link,
/// a bind mount), which no comparison of path text can tell.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode)
{
    /// <summary>Room for struct stat on every Linux ABI (144 bytes on x86-64, 128 on arm64).</summary>
    private const int StatBufferBytes = 256;

    /// <summary>The identity of an existing file (links followed), or null when it does not exist or cannot be known.</summary>
    public static FileIdentity? Of(string path)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess || !File.Exists(path)) return null;
        var buffer = new byte[StatBufferBytes];
        try
        {
            if (stat(path, buffer) != 0) return null;
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.33 exports stat only as __xstat (version 1 is the kernel's struct stat on 64-bit).
            try
            {
                if (__xstat(1, path, buffer) != 0) return null;
            }
            catch (EntryPointNotFoundException)
            {
                return null;
            }
        }
        catch (DllNotFoundException)
        {
            // No C library under that name: the caller compares resolved paths only.
            return null;
        }
        // st_dev then st_ino, both 64-bit, open every 64-bit Linux struct stat.
        return new FileIdentity(BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int __xstat(int version, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
