using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DialControl.Functions.Quotas;

/// <summary>
/// Reads <c>BEDROCK_MODELS</c> into <see cref="BedrockModel"/>s, collecting every problem (with the
/// entry, the field, the value seen and the allowed form) instead of stopping at the first.
/// </summary>
internal static partial class BedrockModelsParser
{
    /// <summary>At most this many models: each costs five GetMetricData queries per region (limit 500).</summary>
    public const int MaxModels = 50;

    /// <summary>The burndown rate is 1 or 5 today; anything above 10 is a typo.</summary>
    public const double MaxOutputTokenMultiplier = 10;

    /// <summary>Parses <paramref name="json"/>; adds what is wrong to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<BedrockModel> Parse(string? json, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            problems.Add($"{QuotaSettings.Models} is not set; set it to a JSON array of models " +
                "(see docs/bedrock-quota.md)");
            return [];
        }

        List<BedrockModelJson>? entries;
        try
        {
            entries = JsonSerializer.Deserialize(json, QuotaJsonContext.Default.ListBedrockModelJson);
        }
        catch (JsonException e)
        {
            problems.Add($"{QuotaSettings.Models} is not valid: {e.Message} " +
                "(expected a JSON array of objects with modelId, regions, tpmQuotaCode, ...)");
            return [];
        }

        if (entries is null || entries.Count == 0 || entries.Count > MaxModels)
        {
            problems.Add($"{QuotaSettings.Models} has {entries?.Count ?? 0} models; allowed 1 to {MaxModels}");
            return [];
        }

        var models = entries.Select((entry, index) => Validate(entry, index, problems)).OfType<BedrockModel>().ToList();
        CheckDuplicates(models, problems);
        return models;
    }

    private static BedrockModel? Validate(BedrockModelJson? entry, int index, List<string> problems)
    {
        var at = $"{QuotaSettings.Models}[{index}]";
        if (entry is null)
        {
            problems.Add($"{at} is null; expected an object");
            return null;
        }

        var before = problems.Count;
        if (string.IsNullOrWhiteSpace(entry.ModelId))
        {
            problems.Add($"{at}.modelId is missing; expected the ModelId dimension of its AWS/Bedrock metrics");
        }

        var regions = entry.Regions ?? [];
        if (regions.Count == 0)
        {
            problems.Add($"{at}.regions is missing or empty; expected region names such as \"us-east-1\"");
        }

        regions.ForEach(r => CheckRegion($"{at}.regions", r, problems));
        CheckCode($"{at}.tpmQuotaCode", entry.TpmQuotaCode, required: true, problems);
        CheckCode($"{at}.rpmQuotaCode", entry.RpmQuotaCode, required: false, problems);
        var multiplier = CheckMultiplier(at, entry.OutputTokenMultiplier, problems);
        CheckCap($"{at}.requestCapTpm", entry.RequestCapTpm, problems);
        CheckCap($"{at}.requestCapRpm", entry.RequestCapRpm, problems);
        var overrides = ReadOverrides(at, entry.RegionQuotaCodes, regions, problems);
        var alternatives = ReadAlternatives(at, entry.Alternatives, problems);
        if (problems.Count > before)
        {
            return null;
        }

        return new BedrockModel(entry.ModelId!.Trim(), [.. regions.Distinct(StringComparer.Ordinal)],
            entry.TpmQuotaCode!, entry.RpmQuotaCode, overrides, multiplier, alternatives,
            entry.RequestCapTpm, entry.RequestCapRpm);
    }

    private static double CheckMultiplier(string at, double? value, List<string> problems)
    {
        if (value is null)
        {
            return 1;
        }

        if (value < 1 || value > MaxOutputTokenMultiplier || double.IsNaN(value.Value))
        {
            problems.Add($"{at}.outputTokenMultiplier is {Format(value.Value)}; allowed 1 to " +
                $"{Format(MaxOutputTokenMultiplier)} (AWS burns 5 per output token for some Claude models)");
        }

        return value.Value;
    }

    private static Dictionary<string, RegionQuotaCodes> ReadOverrides(
        string at, Dictionary<string, RegionQuotaCodesJson>? json, List<string> regions, List<string> problems)
    {
        var overrides = new Dictionary<string, RegionQuotaCodes>(StringComparer.Ordinal);
        foreach (var (region, codes) in json ?? [])
        {
            if (!regions.Contains(region, StringComparer.Ordinal))
            {
                problems.Add($"{at}.regionQuotaCodes has \"{region}\", which is not in {at}.regions");
            }

            CheckCode($"{at}.regionQuotaCodes.{region}.tpmQuotaCode", codes?.TpmQuotaCode, required: true, problems);
            CheckCode($"{at}.regionQuotaCodes.{region}.rpmQuotaCode", codes?.RpmQuotaCode, required: false, problems);
            overrides[region] = new RegionQuotaCodes(codes?.TpmQuotaCode ?? string.Empty, codes?.RpmQuotaCode);
        }

        return overrides;
    }

    private static List<QuotaAlternative> ReadAlternatives(
        string at, List<QuotaAlternativeJson>? json, List<string> problems)
    {
        var alternatives = new List<QuotaAlternative>();
        for (var i = 0; i < (json?.Count ?? 0); i++)
        {
            var alt = json![i];
            var where = $"{at}.alternatives[{i}]";
            if (alt is null
                || (string.IsNullOrWhiteSpace(alt.Region) && string.IsNullOrWhiteSpace(alt.InferenceProfile)))
            {
                problems.Add($"{where} names neither region nor inferenceProfile; set at least one");
                continue;
            }

            if (alt.Region is not null)
            {
                CheckRegion($"{where}.region", alt.Region, problems);
            }

            CheckCode($"{where}.tpmQuotaCode", alt.TpmQuotaCode, required: true, problems);
            CheckCode($"{where}.rpmQuotaCode", alt.RpmQuotaCode, required: false, problems);
            alternatives.Add(new QuotaAlternative(alt.Region, alt.InferenceProfile?.Trim(),
                alt.TpmQuotaCode ?? string.Empty, alt.RpmQuotaCode));
        }

        return alternatives;
    }

    private static void CheckDuplicates(List<BedrockModel> models, List<string> problems)
    {
        var twice = models.SelectMany(m => m.Regions.Select(r => $"{m.ModelId} in {r}"))
            .GroupBy(key => key, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);
        foreach (var key in twice)
        {
            problems.Add($"{QuotaSettings.Models} lists {key} more than once; each model and region once");
        }
    }

    private static void CheckRegion(string at, string? region, List<string> problems)
    {
        if (region is null || !RegionPattern().IsMatch(region))
        {
            problems.Add($"{at} has \"{region}\"; expected a region name such as \"us-east-1\"");
        }
    }

    private static void CheckCode(string at, string? code, bool required, List<string> problems)
    {
        if (code is null && !required)
        {
            return;
        }

        if (code is null || !QuotaCodePattern().IsMatch(code))
        {
            problems.Add($"{at} is \"{code}\"; expected a Service Quotas code such as \"L-1A2B3C4D\" " +
                "(aws service-quotas list-service-quotas --service-code bedrock)");
        }
    }

    private static void CheckCap(string at, double? cap, List<string> problems)
    {
        if (cap is not null && (cap <= 0 || double.IsNaN(cap.Value) || double.IsInfinity(cap.Value)))
        {
            problems.Add($"{at} is {Format(cap.Value)}; expected a positive number (the quota's unit)");
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^L-[0-9A-F]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex QuotaCodePattern();
}
