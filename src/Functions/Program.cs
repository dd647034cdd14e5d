// The bootstrap's entry point: a Lambda custom runtime that runs the function _HANDLER names
// (Hosting/Bootstrap.cs), or with --local-invoke a local Lambda Invoke API for every function.
using DialControl.Functions.Hosting;

return await Bootstrap.RunAsync(
    args, LambdaEnvironment.ProcessSettings(), Console.Out, Console.Error, CancellationToken.None);
