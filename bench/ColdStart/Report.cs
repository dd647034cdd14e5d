using System.IO.Compression;

namespace DialControl.Bench.ColdStart;

/// <summary>Prints the medians, the ratio and the size of the zipped native bootstrap.</summary>
internal static class Report
{
    public static void Print(BenchOptions options, Workload workload, List<Measurement> aot, List<Measurement> jit)
    {
        var aotMs = Median(aot.Select(m => m.ColdStartMs));
        var jitMs = Median(jit.Select(m => m.ColdStartMs));
        var aotRss = Median(aot.Select(m => m.PeakRssKb / 1024.0));
        var jitRss = Median(jit.Select(m => m.PeakRssKb / 1024.0));
        Console.WriteLine();
        Console.WriteLine($"{workload.Name}:");
        Console.WriteLine($"| {options.Runs} runs each, median | cold start (ms) | peak RSS (MiB) |");
        Console.WriteLine("| --- | ---: | ---: |");
        Console.WriteLine($"| Native AOT bootstrap | {aotMs:F1} | {aotRss:F1} |");
        Console.WriteLine($"| JIT (dotnet bootstrap.dll) | {jitMs:F1} | {jitRss:F1} |");
        Console.WriteLine($"| JIT / AOT | {jitMs / aotMs:F1}x | {jitRss / aotRss:F1}x |");
        Console.WriteLine();
        Console.WriteLine(
            $"cold start min-max: AOT {aot.Min(m => m.ColdStartMs):F1}-{aot.Max(m => m.ColdStartMs):F1} ms, " +
            $"JIT {jit.Min(m => m.ColdStartMs):F1}-{jit.Max(m => m.ColdStartMs):F1} ms");
        var met = jitMs / aotMs >= 5 ? "met" : "NOT met";
        Console.WriteLine($"bar: AOT cold start at least 5x shorter than JIT: {met}");
    }

    /// <summary>The size of the native bootstrap and of its zip, the deployment package.</summary>
    public static void PrintSizes(BenchOptions options)
    {
        var (binary, zipped) = Sizes(options.Aot);
        Console.WriteLine();
        Console.WriteLine($"native bootstrap: {binary / 1e6:F2} MB, zipped {zipped / 1e6:F2} MB (bar: < 10 MB)");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static (long Binary, long Zipped) Sizes(string bootstrap)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"bootstrap-{Environment.ProcessId}.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(bootstrap, "bootstrap", CompressionLevel.SmallestSize);
        }

        var zipped = new FileInfo(zip).Length;
        File.Delete(zip);
        return (new FileInfo(bootstrap).Length, zipped);
    }
}
