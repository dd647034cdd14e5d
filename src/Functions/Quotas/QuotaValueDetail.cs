using System.Text.Json.Serialization;

namespace DialControl.Functions.Quotas;

/// <summary>One entry of the <c>quotas</c> array of a level-change event.</summary>
internal sealed class QuotaValueDetail
{
    /// <summary><c>TPM</c> or <c>RPM</c>.</summary>
    public required string Kind { get; init; }

    public required string QuotaCode { get; init; }

    public string? QuotaName { get; init; }

    public double Value { get; init; }

    /// <summary>True when no value is applied to the account and <see cref="Value"/> is AWS's default.</summary>
    public bool IsDefault { get; init; }

    public bool Adjustable { get; init; }

    public double Peak { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? UtilisationPercent { get; init; }
}
