using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace DialControl.Functions.Hosting;

/// <summary>
/// The built-in diagnostic function, handler name <c>Echo</c>: returns the payload it was given with its
/// size and the invocation's context, touching nothing else. A JSON object payload may ask it to wait
/// (<c>"delayMs"</c>, up to <c>ECHO_MAX_DELAY_MS</c>, ending early when the invocation's cancellation
/// fires) or to fail (<c>"fail": "text"</c>). It exists to check a deployment, the runtime loop and the
/// cold start without side effects.
/// </summary>
internal sealed class EchoFunction : ILambdaFunction
{
    /// <summary>The handler name.</summary>
    public const string HandlerName = "Echo";

    /// <summary>The setting that caps <c>delayMs</c>, in milliseconds.</summary>
    public const string MaxDelaySetting = "ECHO_MAX_DELAY_MS";

    /// <summary>The cap when the setting is absent: 10 000 ms.</summary>
    public const int DefaultMaxDelayMs = 10_000;

    /// <summary>The highest cap accepted: Lambda's 15-minute limit.</summary>
    public const int MaxDelayLimitMs = 900_000;

    private readonly int _maxDelayMs;
    private readonly TimeProvider _time;

    private EchoFunction(int maxDelayMs, TimeProvider time)
    {
        _maxDelayMs = maxDelayMs;
        _time = time;
    }

    /// <summary>
    /// Creates the function; an invalid ECHO_MAX_DELAY_MS throws <see cref="ConfigurationException"/>.
    /// </summary>
    public static EchoFunction Create(FunctionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var text = environment.Get(MaxDelaySetting);
        if (text is null)
        {
            return new EchoFunction(DefaultMaxDelayMs, environment.Time);
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var maxDelayMs)
            || maxDelayMs > MaxDelayLimitMs)
        {
            throw new ConfigurationException(
                $"{MaxDelaySetting} is '{text}'; expected a whole number of milliseconds from 0 to " +
                $"{MaxDelayLimitMs} (default {DefaultMaxDelayMs})");
        }

        return new EchoFunction(maxDelayMs, environment.Time);
    }

    /// <inheritdoc />
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var document = Parse(payload);
        var root = document?.RootElement;
        var delayMs = DelayOf(root);
        if (Instruction(root, "fail") is { ValueKind: JsonValueKind.String } fail)
        {
            throw new InvalidOperationException($"Echo was asked to fail: {fail.GetString()}");
        }

        if (delayMs > _maxDelayMs)
        {
            throw new ArgumentException(
                $"Echo was asked to wait {delayMs} ms, above {MaxDelaySetting} = {_maxDelayMs} ms; it did not wait.");
        }

        var (waitedMs, cancelled) = await WaitAsync(delayMs, context.CancellationToken);
        return Respond(payload.Length, root, context, waitedMs, cancelled);
    }

    private static JsonDocument? Parse(ReadOnlyMemory<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(payload);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException(
                $"Echo takes a JSON payload; the {payload.Length} bytes given are not JSON ({exception.Message}).",
                exception);
        }
    }

    private static long DelayOf(JsonElement? root)
    {
        var delay = Instruction(root, "delayMs");
        if (delay is null)
        {
            return 0;
        }

        return delay.Value.ValueKind == JsonValueKind.Number && delay.Value.TryGetInt64(out var ms) && ms >= 0
            ? ms
            : throw new ArgumentException(
                $"Echo takes delayMs as a whole number of milliseconds; got {delay.Value.GetRawText()}.");
    }

    private static JsonElement? Instruction(JsonElement? root, string name) =>
        root is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var found) ? found : null;

    private async Task<(long WaitedMs, bool Cancelled)> WaitAsync(long delayMs, CancellationToken cancellationToken)
    {
        if (delayMs <= 0)
        {
            return (0, false);
        }

        var started = _time.GetTimestamp();
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delayMs), _time, cancellationToken);
            return ((long)_time.GetElapsedTime(started).TotalMilliseconds, false);
        }
        catch (OperationCanceledException)
        {
            return ((long)_time.GetElapsedTime(started).TotalMilliseconds, true);
        }
    }

    private static byte[] Respond(
        int bytes, JsonElement? payload, ILambdaContext context, long waitedMs, bool cancelled)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + bytes);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("function", context.FunctionName);
            json.WriteString("requestId", context.AwsRequestId);
            json.WriteString("invokedFunctionArn", context.InvokedFunctionArn);
            json.WriteString("traceId", context.TraceId);
            json.WriteNumber("bytes", bytes);
            json.WritePropertyName("payload");
            if (payload is { } value)
            {
                value.WriteTo(json);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteNumber("waitedMs", waitedMs);
            json.WriteBoolean("cancelled", cancelled);
            json.WriteNumber("remainingMs", (long)context.RemainingTime.TotalMilliseconds);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
