namespace DialControl.Functions.Quotas;

/// <summary>
/// Service Quotas has neither an applied nor a default value for a configured quota code in a region:
/// the code in <c>BEDROCK_MODELS</c> is wrong for that region (or the model is not offered there).
/// </summary>
internal sealed class QuotaCodeUnknownException : Exception
{
    /// <summary>Creates the exception for <paramref name="code"/> in <paramref name="region"/>.</summary>
    public QuotaCodeUnknownException(string region, string code, Exception? innerException)
        : base($"Service Quotas knows no applied or default value for bedrock quota {code} in {region}; " +
            $"check the code with: aws service-quotas list-service-quotas --service-code bedrock --region {region}",
            innerException)
    {
        Region = region;
        Code = code;
    }

    /// <summary>The region asked.</summary>
    public string Region { get; }

    /// <summary>The quota code asked for.</summary>
    public string Code { get; }
}
