namespace Analyzer.Cli.Usage;

/// <summary>
/// Refuses, before any file is opened for writing, outputs that would destroy what the run was given or each other:
/// an output that is an input (same path, a link to it, a hard link: same device and inode), two outputs on one
/// file, and two outputs on standard output.
/// </summary>
public static class OutputCollisions
{
    /// <summary>The one-line message for the first collision, or null when every output is safe.</summary>
    public static string? Find(IReadOnlyList<NamedPath> outputs, IReadOnlyList<NamedPath> inputs)
    {
        var stdout = outputs.Where(o => o.Path == "-").ToList();
        if (stdout.Count > 1)
            return $"{stdout[0].Role} and {stdout[1].Role} both write to standard output ('-'); at most one output may use it";

        var files = outputs.Where(o => o.Path != "-").Select(o => (Named: o, Key: PathKey.Of(o.Path))).ToList();
        var inputKeys = inputs.Select(i => (Named: i, Key: PathKey.Of(i.Path))).ToList();
        foreach (var (output, key) in files)
            foreach (var (input, inputKey) in inputKeys)
                if (key.SameFileAs(inputKey))
                    return $"{output.Role} '{output.Path}' is {input.Role} '{input.Path}'; refusing to write over it";
        for (int i = 0; i < files.Count; i++)
            for (int j = i + 1; j < files.Count; j++)
                if (files[i].Key.SameFileAs(files[j].Key))
                    return $"{files[i].Named.Role} '{files[i].Named.Path}' and {files[j].Named.Role} '{files[j].Named.Path}' are the same file; give each output its own file";
        return null;
    }

    /// <summary>What makes two names one file: the full path with links resolved, and the identity when it exists.</summary>
    private readonly record struct PathKey(string FullPath, FileIdentity? Identity)
    {
        public static PathKey Of(string path)
        {
            string full = Path.GetFullPath(path);
            try
            {
                if (new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target) full = target.FullName;
                else if (Path.GetDirectoryName(full) is { } dir && Directory.Exists(dir))
                    full = Path.Combine(RealDirectory(dir), Path.GetFileName(full));
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            return new PathKey(full, FileIdentity.Of(path));
        }

        public bool SameFileAs(PathKey other) =>
            (Identity is { } a && other.Identity is { } b) ? a == b : FullPath == other.FullPath;

        /// <summary>The directory with every symbolic link on the way resolved.</summary>
        private static string RealDirectory(string dir)
        {
            var info = new DirectoryInfo(dir);
            if (info.ResolveLinkTarget(returnFinalTarget: true) is { } target) return target.FullName;
            return info.Parent is null ? info.FullName : Path.Combine(RealDirectory(info.Parent.FullName), info.Name);
        }
    }
}
