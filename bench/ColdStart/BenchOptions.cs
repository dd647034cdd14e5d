using System.Globalization;

namespace DialControl.Bench.ColdStart;

/// <summary>The benchmark's arguments.</summary>
internal sealed record BenchOptions(string Aot, string Jit, int Runs)
{
    public static BenchOptions? Parse(string[] args)
    {
        string? aot = null, jit = null;
        var runs = 15;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--aot": aot = Path.GetFullPath(args[i + 1]); break;
                case "--jit": jit = Path.GetFullPath(args[i + 1]); break;
                case "--runs" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    && n > 0:
                    runs = n;
                    break;
                default: return null;
            }
        }

        return aot is null || jit is null || !File.Exists(aot) || !File.Exists(jit)
            ? null
            : new BenchOptions(aot, jit, runs);
    }
}
