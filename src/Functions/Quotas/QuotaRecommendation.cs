namespace DialControl.Functions.Quotas;

/// <summary>A next step for a person, or a fact that explains why DialControl did not take one.</summary>
/// <param name="Type">One of the constants below.</param>
/// <param name="Message">The step in words, with the values it is based on.</param>
/// <param name="Region">The region it concerns, when one.</param>
/// <param name="ModelId">The model or inference profile it concerns, when one.</param>
/// <param name="QuotaCode">The quota it concerns, when one.</param>
/// <param name="Value">The value it is about: desired quota value, or spare tokens per minute.</param>
internal sealed record QuotaRecommendation(
    string Type, string Message, string? Region = null, string? ModelId = null, string? QuotaCode = null,
    double? Value = null)
{
    /// <summary>
    /// Ask for an increase of <see cref="QuotaCode"/> to <see cref="Value"/> (not done automatically).
    /// </summary>
    public const string RequestIncrease = "RequestQuotaIncrease";

    /// <summary>The quota is not adjustable in Service Quotas: ask AWS through the limit increase form.</summary>
    public const string RequestThroughSupport = "RequestIncreaseThroughSupport";

    /// <summary>An increase request is already open; its id and status are in the message.</summary>
    public const string RequestOpen = "IncreaseRequestOpen";

    /// <summary>An increase would not help or cannot be sized; the message says why.</summary>
    public const string NoIncrease = "NoIncrease";

    /// <summary>
    /// Move load to another region or inference profile with headroom (spare TPM in <see
    /// cref="Value"/>).
    /// </summary>
    public const string UseAlternative = "UseAlternative";

    /// <summary>Nothing else helps: serve part of the load from another AWS account.</summary>
    public const string AddAccount = "AddAccount";

    /// <summary>Throttled while below the quota: check max_tokens, which Bedrock reserves up front.</summary>
    public const string ReviewMaxTokens = "ReviewMaxTokens";
}
