namespace DialControl.Functions.Quotas;

/// <summary>The two per-model Bedrock quotas DialControl watches.</summary>
internal enum QuotaKind
{
    /// <summary>Tokens per minute: input + cache writes + output x burndown rate.</summary>
    Tpm,

    /// <summary>Requests per minute.</summary>
    Rpm,
}
