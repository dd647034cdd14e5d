namespace DialControl.Functions.Quotas;

/// <summary>A quota's value in one region as Service Quotas reports it.</summary>
/// <param name="Code">The quota code.</param>
/// <param name="Region">The region.</param>
/// <param name="Name">The quota's display name, when Service Quotas sent one.</param>
/// <param name="Value">The value: the applied one, else AWS's default.</param>
/// <param name="Adjustable">Whether an increase can be requested through Service Quotas.</param>
/// <param name="IsDefault">
/// True when no value is applied to the account and <paramref name="Value"/> is AWS's default.
/// </param>
/// <param name="Arn">The quota's ARN, when sent; it names the resource of the level-change event.</param>
internal sealed record AppliedQuota(
    string Code, string Region, string? Name, double Value, bool Adjustable, bool IsDefault, string? Arn);
