using System.Globalization;
using DialControl.Aws.StepFunctions;

namespace DialControl.Functions.Failover;

/// <summary>
/// Finds another failover execution of the same state machine that is running and started first.
/// When two start together, the earlier one (by start time, then by ARN) goes on and the other stops,
/// so exactly one proceeds.
/// </summary>
internal sealed class RunningExecutions(IAmazonStepFunctions stepFunctions)
{
    /// <summary>At most this many pages of 100 running executions are read.</summary>
    private const int MaxPages = 10;

    /// <summary>
    /// The state machine of an execution ARN: <c>arn:aws:states:r:a:execution:M:name</c> gives
    /// <c>arn:aws:states:r:a:stateMachine:M</c>; null for anything else.
    /// </summary>
    public static string? StateMachineArnOf(string? executionArn)
    {
        var parts = executionArn?.Split(':');
        return parts is { Length: 8 } && parts[0] == "arn" && parts[2] == "states" && parts[5] == "execution"
            ? string.Join(':', parts[..5]) + ":stateMachine:" + parts[6]
            : null;
    }

    /// <summary>The running execution that goes before <paramref name="ownArn"/>, or null.</summary>
    public static ExecutionListItem? Ahead(
        IEnumerable<ExecutionListItem> running,
        string ownArn,
        DateTimeOffset ownStart) =>
        running
            .Where(e => e.ExecutionArn is not null && !string.Equals(e.ExecutionArn, ownArn, StringComparison.Ordinal))
            .Where(e => e.StartDate is null || e.StartDate < ownStart ||
                (e.StartDate == ownStart && string.CompareOrdinal(e.ExecutionArn, ownArn) < 0))
            .OrderBy(e => e.StartDate ?? DateTimeOffset.MinValue)
            .FirstOrDefault();

    /// <summary>Throws FailoverRefusedException when another failover runs ahead of <paramref name="own"/>.</summary>
    public async Task RefuseIfAnotherRunsAsync(ExecutionRef own, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(own);
        var machine = StateMachineArnOf(own.Id) ?? throw new FailoverStepException(
            $"Cannot tell whether another failover runs: the execution id '{own.Id ?? "none"}' " +
            "is not a Step Functions " +
            "execution ARN. Start failovers through the region-failover state machine. Nothing was changed.");
        var ownStart = DateTimeOffset.TryParse(own.StartTime, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : DateTimeOffset.MaxValue;
        var running = new List<ExecutionListItem>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await AwsCalls.RunAsync($"Step Functions ListExecutions (RUNNING) of {machine}",
                () => stepFunctions.ListExecutionsAsync(new()
                {
                    StateMachineArn = machine,
                    StatusFilter = ExecutionStatus.Running,
                    MaxResults = 100,
                    NextToken = token,
                }, cancellationToken), cancellationToken);
            running.AddRange(response.Executions);
            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                break;
            }
        }

        if (Ahead(running, own.Id!, ownStart) is { } other)
        {
            throw new FailoverRefusedException(
                $"Another failover, execution {other.Name} ({other.ExecutionArn}), started at " +
                $"{other.StartDate:u} and is still running, so this one stopped before changing anything. " +
                "Wait for it " +
                $"to finish, or stop it with: aws stepfunctions stop-execution --execution-arn {other.ExecutionArn}");
        }
    }
}
