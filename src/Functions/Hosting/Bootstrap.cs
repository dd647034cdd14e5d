using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Hosting;

/// <summary>
/// What the <c>bootstrap</c> executable does. With no arguments it is a Lambda custom runtime: it
/// creates the function <c>_HANDLER</c> names and runs the Runtime API loop, or reports an init error
/// and exits 1. With <c>--local-invoke [--port N]</c> it serves the Lambda Invoke API on 127.0.0.1
/// for every function instead (<see cref="LocalInvokeServer"/>).
/// </summary>
internal static partial class Bootstrap
{
    /// <summary>Exit code: the function could not be created (an init error was reported).</summary>
    public const int InitFailed = 1;

    /// <summary>Exit code: wrong usage or not inside Lambda.</summary>
    public const int Usage = 2;

    /// <summary>Exit code: the Runtime API failed; Lambda starts a new execution environment.</summary>
    public const int RuntimeApiFailed = 3;

    private const string UsageText =
        "usage: bootstrap                              (inside Lambda: runs the function _HANDLER names)\n" +
        "       bootstrap --local-invoke [--port N]    (serves the Lambda Invoke API on 127.0.0.1:N, default 3001)";

    /// <summary>Runs the bootstrap; returns the process exit code.</summary>
    public static Task<int> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, string> settings,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0)
        {
            return RunRuntimeAsync(settings, stdout, stderr, cancellationToken);
        }

        if (args[0] == "--local-invoke" && LocalInvokeCommand.TryParsePort(args, out var port))
        {
            return LocalInvokeCommand.RunAsync(port, settings, stdout, cancellationToken);
        }

        stderr.WriteLine(UsageText);
        return Task.FromResult(Usage);
    }

    private static async Task<int> RunRuntimeAsync(
        IReadOnlyDictionary<string, string> settings,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var hosting = HostingSettings.Read(settings);
        if (hosting.RuntimeApi is null)
        {
            stderr.WriteLine($"{HostingSettings.RuntimeApiSetting} is not set, so this is not a Lambda execution " +
                "environment; to run the functions locally use --local-invoke.\n" + UsageText);
            return Usage;
        }

        var output = new LogLineWriter(stdout);
        var time = TimeProvider.System;
        using var loggers = JsonLineLoggerProvider.CreateFactory(output, time, hosting.LogLevel, hosting.FunctionName);
        var logger = loggers.CreateLogger("DialControl.Hosting.Bootstrap");
        var environment = LambdaEnvironment.Create(settings, output, time, loggers, hosting.FunctionName);
        var runtimeApi = RuntimeApiClient.BaseUri(hosting.RuntimeApi);
        var (function, initError) = CreateFunction(hosting, environment);
        if (function is null)
        {
            LogInitFailed(logger, initError!.ErrorType, initError.ErrorMessage);
            using var api = new RuntimeApiClient(runtimeApi);
            await api.PostInitErrorAsync(initError, cancellationToken);
            return InitFailed;
        }

        using var loop = new RuntimeLoop(runtimeApi, function, hosting.FunctionName, TimeProvider.System, logger);
        try
        {
            await loop.RunAsync(cancellationToken);
            return 0;
        }
        catch (Exception exception) when (exception is RuntimeApiException or HttpRequestException)
        {
            LogRuntimeApiFailed(logger, hosting.RuntimeApi, exception.Message, exception);
            return RuntimeApiFailed;
        }
    }

    /// <summary>
    /// Creates the function <paramref name="hosting"/> names, or the init error that says why not: every
    /// invalid setting at once, the bootstrap's own first, then the function's.
    /// </summary>
    internal static (ILambdaFunction? Function, ErrorReport? Error) CreateFunction(
        HostingSettings hosting, FunctionEnvironment environment)
    {
        var problems = new List<string>(hosting.Problems);
        if (!FunctionCatalog.TryResolve(hosting.Handler, out var factory))
        {
            problems.Add(hosting.Handler is null
                ? $"{HostingSettings.HandlerSetting} is not set; set it to one of: {FunctionCatalog.Describe()}"
                : $"{HostingSettings.HandlerSetting} is '{hosting.Handler}', which names no DialControl function; " +
                  $"valid handler names: {FunctionCatalog.Describe()}");
            return (null, new ErrorReport(ErrorReport.NoSuchHandler, new ConfigurationException(problems).Message));
        }

        return Create(factory, environment, problems);
    }

    /// <summary>
    /// Runs <paramref name="factory"/>; the init error, if any, names every problem in <paramref name="problems"/>
    /// and the function's own, or, when the factory failed otherwise, its exception and those problems.
    /// </summary>
    internal static (ILambdaFunction? Function, ErrorReport? Error) Create(
        Func<FunctionEnvironment, ILambdaFunction> factory, FunctionEnvironment environment, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            var function = factory(environment);
            return problems.Count == 0
                ? (function, null)
                : (null, new ErrorReport(ErrorReport.ConfigInvalid, new ConfigurationException(problems).Message));
        }
        catch (ConfigurationException exception)
        {
            problems.AddRange(exception.Problems);
            return (null, new ErrorReport(ErrorReport.ConfigInvalid, new ConfigurationException(problems).Message));
        }
#pragma warning disable CA1031 // Whatever a factory throws must become an init error, not a crash without one.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var error = ErrorReport.From(exception);
            var also = problems.Count == 0 ? "" : $" (also: {new ConfigurationException(problems).Message})";
            return (null, error with { ErrorMessage = error.ErrorMessage + also });
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "The function could not start ({ErrorType}): {ErrorMessage}; reported as an init error, the process exits")]
    private static partial void LogInitFailed(ILogger logger, string errorType, string errorMessage);

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "The Runtime API at {RuntimeApi} failed: {Reason}; the process exits and Lambda starts a new one")]
    private static partial void LogRuntimeApiFailed(
        ILogger logger, string runtimeApi, string reason, Exception exception);
}
