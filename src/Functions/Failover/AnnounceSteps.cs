using System.Text.Json;
using DialControl.Aws.EventBridge;

namespace DialControl.Functions.Failover;

/// <summary>Tells people and systems how the failover ended: an EventBridge event and an SNS message.</summary>
internal sealed class AnnounceSteps(FailoverOptions options, FailoverServices services)
{
    /// <summary>SNS limits e-mail subjects to 100 characters.</summary>
    private const int MaxSubject = 100;

    /// <summary>Announces a completed failover.</summary>
    public async Task<AnnouncementOutput> AnnounceAsync(FailoverState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var message = FailoverNarrative.Completed(state);
        var detail = Detail(state, "completed", message, null);
        var eventId = await PutEventAsync(FailoverEvent.Completed, detail, cancellationToken);
        var messageId = await PublishAsync(
            $"DialControl: failover to {options.Region} completed",
            message,
            cancellationToken);
        return new AnnouncementOutput { Summary = message, EventId = eventId, MessageId = messageId };
    }

    /// <summary>Announces a failed failover and returns the Fail state's error and cause.</summary>
    public async Task<FailureOutput> ReportFailureAsync(FailoverState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (error, cause) = FailoverNarrative.Failure(state);
        await PutEventAsync(FailoverEvent.Failed, Detail(state, "failed", cause, error), cancellationToken);
        var messageId = await PublishAsync(
            $"DialControl: failover to {options.Region} FAILED ({error})",
            cause,
            cancellationToken);
        return new FailureOutput { Error = error, Cause = cause, MessageId = messageId };
    }

    private FailoverEvent Detail(FailoverState state, string outcome, string message, string? error) => new()
    {
        Outcome = outcome,
        Region = options.Region,
        PeerRegion = options.PeerRegion,
        Execution = state.Plan?.Execution.Id,
        Reason = state.Request?.Reason,
        Error = error,
        Message = message,
        Record = options.Record.Name,
        PreviousValue = state.Dns?.PreviousValue,
        NewValue = state.Dns?.NewValue,
        ChangeId = state.Dns?.ChangeId,
        Forced = state.Dns?.Forced == true,
        Nodegroups = state.Activation?.Changed,
    };

    private async Task<string?> PutEventAsync(
        string detailType,
        FailoverEvent detail,
        CancellationToken cancellationToken)
    {
        var what = $"EventBridge PutEvents ({detailType}) to bus {options.EventBus}";
        var response = await AwsCalls.RunAsync(what, () => services.Events.PutEventsAsync(new()
        {
            Entries =
            [
                new PutEventsRequestEntry
                {
                    Source = FailoverEvent.Source,
                    DetailType = detailType,
                    Detail = JsonSerializer.Serialize(detail, FailoverJsonContext.Default.FailoverEvent),
                    EventBusName = options.EventBus,
                },
            ],
        }, cancellationToken), cancellationToken);
        var entry = response.Entries.Count > 0 ? response.Entries[0] : null;
        if ((response.FailedEntryCount ?? 0) == 0 && entry?.ErrorCode is null)
        {
            return entry?.EventId;
        }

        var failure = $"{what} refused the event with {entry?.ErrorCode ?? "an unnamed error"}: {entry?.ErrorMessage}";
        throw entry?.ErrorCode is "ThrottlingException" or "InternalFailure"
            ? new FailoverTransientException(failure + "; the step will be retried with backoff.")
            : new FailoverStepException(failure);
    }

    private async Task<string?> PublishAsync(string subject, string message, CancellationToken cancellationToken)
    {
        var response = await AwsCalls.RunAsync($"SNS Publish to {options.TopicArn}",
            () => services.Sns.PublishAsync(new()
            {
                TopicArn = options.TopicArn,
                Subject = subject.Length <= MaxSubject ? subject : subject[..MaxSubject],
                Message = message,
            }, cancellationToken), cancellationToken);
        return response.MessageId;
    }
}
