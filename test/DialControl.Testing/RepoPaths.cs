namespace DialControl.Testing;

/// <summary>Finds files of the repository from a test's output folder.</summary>
public static class RepoPaths
{
    /// <summary>The folder that holds DialControl.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DialControl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"DialControl.sln not found above {AppContext.BaseDirectory}.");
    }
}
