using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Quotas;

/// <summary>
/// Every log line of the BedrockQuota function: one line per decision, with fixed placeholder names
/// (the JSON logger turns them into keys). Each names the model, the region, the value seen and the
/// limit, and what was done.
/// </summary>
internal static partial class QuotaLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Skipped the event: {Reason}. Nothing was read or changed.")]
    public static partial void EventSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "Not evaluated: {ModelId} in {Region}: {Reason}")]
    public static partial void TargetSkipped(ILogger logger, string modelId, string region, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information,
        Message = "{ModelId} in {Region} is {Level}: {Reason} (throttles {Throttles}, dry run {DryRun})")]
    public static partial void Assessed(ILogger logger, string modelId, string region, string level, string reason,
        double throttles, bool dryRun);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug,
        Message = "{ModelId} in {Region} stays {Level}: already announced at {ChangedAt}; nothing announced")]
    public static partial void LevelUnchanged(ILogger logger, string modelId, string region, string level,
        DateTimeOffset changedAt);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning,
        Message = "{ModelId} in {Region} changed from {PreviousLevel} to {Level}; announcing (dry run {DryRun})")]
    public static partial void LevelChanged(ILogger logger, string modelId, string region, string previousLevel,
        string level, bool dryRun);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information,
        Message = "{ModelId} in {Region}: another invocation already recorded the change to {Level}; " +
            "not announcing it twice")]
    public static partial void ChangeAlreadyRecorded(ILogger logger, string modelId, string region, string level);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning,
        Message = "Requested an increase of {QuotaCode} in {Region} from {FromValue} to {DesiredValue}: " +
            "request {RequestId} is {Status}")]
    public static partial void IncreaseRequested(ILogger logger, string quotaCode, string region, double fromValue,
        double desiredValue, string? requestId, string? status);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning,
        Message = "Dry run: would request an increase of {QuotaCode} in {Region} from {FromValue} to " +
            "{DesiredValue}; nothing was requested")]
    public static partial void IncreaseDryRun(ILogger logger, string quotaCode, string region, double fromValue,
        double desiredValue);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information,
        Message = "No increase requested for {QuotaCode} in {Region}: {Reason}")]
    public static partial void IncreaseNotRequested(ILogger logger, string quotaCode, string region, string reason);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning,
        Message = "Alternative {ModelId} in {Region} was not considered: {Reason}")]
    public static partial void AlternativeUnusable(ILogger logger, string modelId, string region, string reason);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Error,
        Message = "{ModelId} in {Region} was not evaluated: {Reason}")]
    public static partial void TargetFailed(ILogger logger, Exception? exception, string modelId, string region,
        string reason);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Error,
        Message = "Announcing {ModelId} in {Region} as {Level} failed; the recorded level was put back to " +
            "{PreviousLevel} so the next run announces it again")]
    public static partial void AnnouncementFailed(ILogger logger, Exception exception, string modelId, string region,
        string level, string previousLevel);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Information,
        Message = "Run finished ({Trigger}): {Evaluated} evaluated, {Announced} announced, {Failed} failed, " +
            "dry run {DryRun}")]
    public static partial void RunFinished(ILogger logger, string trigger, int evaluated, int announced, int failed,
        bool dryRun);
}
