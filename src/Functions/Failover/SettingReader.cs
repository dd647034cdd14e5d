using System.Globalization;
using System.Text.RegularExpressions;

namespace DialControl.Functions.Failover;

/// <summary>
/// Reads settings (environment variables) and collects every problem instead of stopping at the
/// first, so one <see cref="Hosting.ConfigurationException"/> names them all.
/// </summary>
internal sealed partial class SettingReader(IReadOnlyDictionary<string, string> settings)
{
    private readonly List<string> _problems = [];

    /// <summary>Every problem found so far: the setting, the value seen and the allowed form.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The trimmed value, or null when unset or blank.</summary>
    public string? Optional(string name) =>
        settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The value; a problem naming <paramref name="form"/> when unset.</summary>
    public string Required(string name, string form)
    {
        var value = Optional(name);
        if (value is null)
        {
            Problem($"{name} is not set; expected {form}");
        }

        return value ?? string.Empty;
    }

    /// <summary>An AWS region name such as eu-west-1; a problem otherwise.</summary>
    public string Region(string name)
    {
        var value = Required(name, "an AWS region such as eu-west-1");
        if (value.Length > 0 && !RegionPattern().IsMatch(value))
        {
            Problem($"{name} is '{value}'; expected an AWS region such as eu-west-1");
        }

        return value;
    }

    /// <summary>A whole number in [min, max], or <paramref name="fallback"/> when unset.</summary>
    public int Integer(string name, int fallback, int min, int max, string unit)
    {
        var raw = Optional(name);
        if (raw is null)
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ||
            value < min || value > max)
        {
            Problem($"{name} is '{raw}'; expected a whole number of {unit} from {min} to {max} (default {fallback})");
            return fallback;
        }

        return value;
    }

    /// <summary>true or false (any case), or <paramref name="fallback"/> when unset.</summary>
    public bool Boolean(string name, bool fallback)
    {
        var raw = Optional(name);
        if (raw is null)
        {
            return fallback;
        }

        if (bool.TryParse(raw, out var value))
        {
            return value;
        }

        Problem($"{name} is '{raw}'; expected true or false (default {(fallback ? "true" : "false")})");
        return fallback;
    }

    /// <summary>Records a problem found by the caller's own checks.</summary>
    public void Problem(string problem) => _problems.Add(problem);

    /// <summary>Throws one exception naming every problem, when there is any.</summary>
    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0)
        {
            throw new Hosting.ConfigurationException(_problems);
        }
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
