using System.Globalization;
using System.Runtime.InteropServices;

namespace DialControl.Functions.Hosting;

/// <summary>
/// <c>bootstrap --local-invoke [--port N]</c>: the local Invoke API over this process's environment
/// variables, until SIGINT or SIGTERM. Logs and metrics go to stdout, as in Lambda.
/// </summary>
internal static class LocalInvokeCommand
{
    /// <summary>The port when none is given, as <c>sam local start-lambda</c> uses.</summary>
    public const int DefaultPort = 3001;

    /// <summary>Reads <c>--local-invoke [--port N]</c>; N = 0 picks a free port.</summary>
    public static bool TryParsePort(string[] args, out int port)
    {
        port = DefaultPort;
        if (args.Length == 1)
        {
            return true;
        }

        return args.Length == 3 && args[1] == "--port"
            && int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
    }

    /// <summary>Serves until the process is asked to stop; returns the exit code.</summary>
    public static async Task<int> RunAsync(
        int port, IReadOnlyDictionary<string, string> settings, TextWriter stdout, CancellationToken cancellationToken)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.TrySetResult();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var cancelled = cancellationToken.Register(() => stop.TrySetResult());
        await using var server = new LocalInvokeServer(
            LambdaEnvironment.Create(settings, stdout), new LocalInvokeOptions { Port = port });
        server.Start();
        await stop.Task;
        return 0;
    }
}
