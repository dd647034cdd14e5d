// Measures, in one run, the cold start of the bootstrap as Native AOT and as the same code under the
// JIT: from process start to the first response posted to a local fake Runtime API, and the peak RSS
// (VmHWM) of the process at that moment. Usage (bench/cold-start.sh does the publishing):
//   dotnet run --project bench/ColdStart -c Release -- --aot <bootstrap> --jit <bootstrap.dll> [--runs 15]
using DialControl.Bench.ColdStart;

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: ColdStart --aot <native bootstrap> --jit <bootstrap.dll> [--runs N]");
    return 2;
}

var aot = new Variant("Native AOT", options.Aot, []);
var jit = new Variant("JIT", "dotnet", [options.Jit]);
Console.WriteLine($"warm-up: one discarded run of each ({Environment.ProcessorCount} cores)");
foreach (var workload in Workload.All)
{
    await ColdStartRun.MeasureAsync(aot, workload);
    await ColdStartRun.MeasureAsync(jit, workload);
}

var results = Workload.All.ToDictionary(
    w => w, _ => new Dictionary<Variant, List<Measurement>> { [aot] = [], [jit] = [] });
for (var run = 1; run <= options.Runs; run++)
{
    foreach (var workload in Workload.All)
    {
        // Alternate the order so that neither variant always runs right after the other.
        foreach (var variant in run % 2 == 1 ? new[] { aot, jit } : [jit, aot])
        {
            var measurement = await ColdStartRun.MeasureAsync(variant, workload);
            results[workload][variant].Add(measurement);
            var peakMiB = measurement.PeakRssKb / 1024.0;
            Console.WriteLine($"run {run,2} {workload.Handler,-10} {variant.Name,-10} " +
                $"{measurement.ColdStartMs,8:F1} ms  {peakMiB,6:F1} MiB");
        }
    }
}

foreach (var workload in Workload.All)
{
    Report.Print(options, workload, results[workload][aot], results[workload][jit]);
}

Report.PrintSizes(options);
return 0;
