using System.Text;
using System.Text.Json;
using DialControl.Aws.EventBridge;
using DialControl.Aws.Sns;
using static DialControl.Functions.Quotas.QuotaAssessor;

namespace DialControl.Functions.Quotas;

/// <summary>
/// Publishes a level change: one EventBridge event (source <c>dialcontrol</c>, detail-type
/// <c>Bedrock Quota Level Changed</c>) and, when a topic is configured, one SNS message.
/// </summary>
internal sealed class QuotaAnnouncer
{
    /// <summary>The event source of every DialControl event.</summary>
    public const string Source = "dialcontrol";

    /// <summary>The detail-type of a quota level change.</summary>
    public const string DetailType = "Bedrock Quota Level Changed";

    /// <summary>SNS caps a subject at 100 characters.</summary>
    private const int MaxSubjectLength = 100;

    private readonly IAmazonEventBridge _events;
    private readonly IAmazonSimpleNotificationService? _sns;
    private readonly BedrockQuotaOptions _options;

    /// <summary>Creates the announcer; <paramref name="sns"/> is null when no topic is configured.</summary>
    public QuotaAnnouncer(
        IAmazonEventBridge events, IAmazonSimpleNotificationService? sns, BedrockQuotaOptions options)
    {
        _events = events;
        _sns = sns;
        _options = options;
    }

    /// <summary>
    /// Publishes <paramref name="detail"/>; throws <see cref="QuotaAnnouncementException"/> if it was
    /// not accepted.
    /// </summary>
    public async Task AnnounceAsync(
        QuotaLevelChangedDetail detail, string? quotaArn, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(detail, QuotaJsonContext.Default.QuotaLevelChangedDetail);
        var response = await _events.PutEventsAsync(new PutEventsRequest
        {
            Entries =
            [
                new PutEventsRequestEntry
                {
                    Source = Source,
                    DetailType = DetailType,
                    Detail = json,
                    EventBusName = _options.EventBusName,
                    Resources = quotaArn is null ? null : [quotaArn],
                },
            ],
        }, cancellationToken);
        if (response.FailedEntryCount is > 0)
        {
            var entry = response.Entries.FirstOrDefault();
            throw new QuotaAnnouncementException($"EventBridge did not accept the {DetailType} event for " +
                $"{detail.ModelId} in {detail.Region} on bus {_options.EventBusName}: " +
                $"{entry?.ErrorCode ?? "no error code"}: {entry?.ErrorMessage ?? "no message"}");
        }

        if (_sns is not null && _options.SnsTopicArn is not null)
        {
            await _sns.PublishAsync(new PublishRequest
            {
                TopicArn = _options.SnsTopicArn,
                Subject = Subject(detail),
                Message = Message(detail, json),
            }, cancellationToken);
        }
    }

    /// <summary>The SNS subject: level, model and region, at most 100 characters.</summary>
    public static string Subject(QuotaLevelChangedDetail detail)
    {
        var subject = $"{(detail.DryRun ? "[DRY RUN] " : string.Empty)}Bedrock quota {detail.Level}: " +
            $"{detail.ModelId} in {detail.Region}";
        return subject.Length <= MaxSubjectLength ? subject : subject[..(MaxSubjectLength - 3)] + "...";
    }

    /// <summary>The SNS message: the change in words, then the event detail as JSON.</summary>
    public static string Message(QuotaLevelChangedDetail detail, string json)
    {
        var text = new StringBuilder();
        text.Append(detail.DryRun ? "DRY RUN (nothing was requested). " : string.Empty)
            .Append($"{detail.ModelId} in {detail.Region} is {detail.Level}")
            .AppendLine($" (was {detail.PreviousLevel ?? "not recorded"}).")
            .AppendLine(detail.Reason + ".");
        foreach (var action in detail.Actions)
        {
            text.AppendLine("Done: " + action.Message + ".");
        }

        foreach (var recommendation in detail.Recommendations)
        {
            text.AppendLine("Next: " + recommendation.Message + ".");
        }

        text.AppendLine($"Window {detail.WindowStart:O} to {detail.WindowEnd:O}; peak " +
            $"{N(detail.Usage.PeakTokensPerMinute)} tokens and " +
            $"{N(detail.Usage.PeakRequestsPerMinute)} requests per minute.");
        return text.AppendLine().AppendLine("Event detail:").Append(json).ToString();
    }
}
