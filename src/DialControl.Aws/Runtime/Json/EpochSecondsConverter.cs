using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DialControl.Aws.Runtime.Json;

/// <summary>
/// AWS JSON protocols send timestamps as seconds since the epoch with a fraction (for example
/// <c>1733246400.123</c>); some emulators send ISO 8601 strings, which are read too. Written as seconds.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var seconds = reader.GetDouble();
            return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        }

        var text = reader.GetString();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(parsed * TimeSpan.TicksPerSecond));
        }

        return DateTimeOffset.Parse(text!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var seconds = (value - DateTimeOffset.UnixEpoch).Ticks / (decimal)TimeSpan.TicksPerSecond;
        if (seconds == decimal.Truncate(seconds))
        {
            writer.WriteNumberValue((long)seconds);
        }
        else
        {
            writer.WriteNumberValue(seconds);
        }
    }
}
