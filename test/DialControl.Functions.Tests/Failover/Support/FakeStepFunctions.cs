using DialControl.Aws.StepFunctions;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>Running executions in memory; records every start asked for.</summary>
public sealed class FakeStepFunctions : IAmazonStepFunctions
{
    public List<ExecutionListItem> Running { get; } = [];

    public List<StartExecutionRequest> Starts { get; } = [];

    public List<ListExecutionsRequest> Lists { get; } = [];

    public Exception? FailNextStart { get; set; }

    public Task<StartExecutionResponse> StartExecutionAsync(
        StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        Starts.Add(request);
        if (FailNextStart is { } failure)
        {
            FailNextStart = null;
            throw failure;
        }

        return Task.FromResult(new StartExecutionResponse
        {
            ExecutionArn = request.StateMachineArn!.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) +
                ":" + request.Name,
        });
    }

    public Task<DescribeExecutionResponse> DescribeExecutionAsync(
        DescribeExecutionRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ListExecutionsResponse> ListExecutionsAsync(
        ListExecutionsRequest request, CancellationToken cancellationToken = default)
    {
        Lists.Add(request);
        return Task.FromResult(new ListExecutionsResponse
        {
            Executions =
            [
                .. Running
                    .Where(e => e.StateMachineArn == request.StateMachineArn)
                    .Take(request.MaxResults ?? 100),
            ],
        });
    }
}
