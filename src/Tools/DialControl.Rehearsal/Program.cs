using System.CommandLine;
using DialControl.Rehearsal;

var scenario = new Option<string[]>("--scenario")
{
    Description = "Run only this scenario (scale, quota or failover); repeat for several. Default: all three.",
    AllowMultipleArgumentsPerToken = true,
};
scenario.AcceptOnlyFromAmong("scale", "quota", "failover");
var keepMoto = new Option<bool>("--keep-moto")
{
    Description = "Keep moto_server running afterwards, so the estate can be explored with aws --endpoint-url.",
};
var json = new Option<bool>("--json")
{
    Description = "Print the timeline and the result as JSON lines instead of tables.",
};
var root = new RootCommand(
    "Rehearses every DialControl reaction end to end against moto_server on this machine: a CPU alarm adds a node, " +
    "Bedrock throttling raises the quota flag, and losing the primary region fails over to the standby.");
root.Options.Add(scenario);
root.Options.Add(keepMoto);
root.Options.Add(json);
root.SetAction(async (parsed, _) =>
{
    var options = new RehearsalOptions(
        parsed.GetValue(scenario) ?? [],
        parsed.GetValue(keepMoto),
        parsed.GetValue(json));
    try
    {
        return await new RehearsalRunner(options).RunAsync();
    }
    catch (Exception error) when (error is InvalidOperationException or TimeoutException or IOException)
    {
        // A missing tool or a broken setup: say what and how to fix it, not a stack trace.
        await Console.Error.WriteLineAsync($"rehearsal could not run: {error.Message}");
        return 2;
    }
});
return await root.Parse(args).InvokeAsync();
