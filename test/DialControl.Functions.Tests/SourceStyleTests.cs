using System.Globalization;
using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests;

/// <summary>
/// The team's style keeps every C# line at most 120 characters (.editorconfig max_line_length; aim for 100,
/// and past that put one argument per line). The compiler does not enforce it, so this test does.
/// </summary>
public sealed class SourceStyleTests
{
    private const int MaxLineLength = 120;

    private const int MaxListed = 20;

    /// <summary>Build output, installed tools and the git folder: none of it is source the team writes.</summary>
    private static readonly HashSet<string> s_skippedDirectories =
        new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", "artifacts", ".git" };

    [Fact]
    public void CSharpLines_EveryFile_AreAtMost120Characters()
    {
        var offenders = new List<string>();
        var files = SourceFiles(RepoPaths.Root).Order(StringComparer.Ordinal).ToList();

        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"{relative}:{i + 1}");
                if (lines[i].Length > MaxLineLength)
                {
                    offenders.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{where} ({lines[i].Length} characters)"));
                }
            }
        }

        Assert.NotEmpty(files);
        Assert.True(
            offenders.Count == 0,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{offenders.Count} C# line(s) are longer than {MaxLineLength} characters; wrap them " +
                $"(one argument per line, split strings with +):{Environment.NewLine}") +
            string.Join(Environment.NewLine, offenders.Take(MaxListed)) +
            (offenders.Count > MaxListed
                ? string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Environment.NewLine}... and {offenders.Count - MaxListed} more")
                : string.Empty));
    }

    /// <summary>Every *.cs file under <paramref name="directory"/>, not descending into skipped folders.</summary>
    private static IEnumerable<string> SourceFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs"))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (s_skippedDirectories.Contains(Path.GetFileName(child)))
            {
                continue;
            }

            foreach (var file in SourceFiles(child))
            {
                yield return file;
            }
        }
    }
}
