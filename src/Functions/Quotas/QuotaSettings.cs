namespace DialControl.Functions.Quotas;

/// <summary>The environment variables the BedrockQuota function reads (docs/bedrock-quota.md lists them).</summary>
internal static class QuotaSettings
{
    /// <summary>JSON array of the watched models (required).</summary>
    public const string Models = "BEDROCK_MODELS";

    /// <summary>WARNING threshold in percent of a quota; default 80.</summary>
    public const string WarningPercent = "QUOTA_WARNING_PERCENT";

    /// <summary>Minutes of metrics read per run; default 5.</summary>
    public const string WindowMinutes = "QUOTA_WINDOW_MINUTES";

    /// <summary>Utilisation an increase request is sized for, in percent; default 60.</summary>
    public const string TargetPercent = "QUOTA_TARGET_PERCENT";

    /// <summary>Largest tokens-per-minute value DialControl may request; no default.</summary>
    public const string RequestCapTpm = "QUOTA_REQUEST_CAP_TPM";

    /// <summary>Largest requests-per-minute value DialControl may request; no default.</summary>
    public const string RequestCapRpm = "QUOTA_REQUEST_CAP_RPM";

    /// <summary>Whether increases are requested automatically; default false.</summary>
    public const string AutoRequest = "QUOTA_AUTO_REQUEST";

    /// <summary>Log and announce decisions (marked dryRun) but request nothing; default false.</summary>
    public const string DryRun = "DRY_RUN";

    /// <summary>SNS topic ARN for level-change messages; optional.</summary>
    public const string SnsTopicArn = "QUOTA_SNS_TOPIC_ARN";

    /// <summary>EventBridge bus name or ARN for level-change events; default <c>default</c>.</summary>
    public const string EventBusName = "EVENT_BUS_NAME";

    /// <summary>The function's own region (set by Lambda): state table, event bus and topic live there.</summary>
    public const string Region = "AWS_REGION";
}
