namespace DialControl.Aws.StepFunctions;

/// <summary>The Step Functions operations DialControl calls; reactions depend on this, tests fake it.</summary>
public interface IAmazonStepFunctions
{
    /// <summary>
    /// Starts an execution. The same name with the same input returns the existing execution; with
    /// other input it throws <c>ExecutionAlreadyExistsException</c>.
    /// </summary>
    Task<StartExecutionResponse> StartExecutionAsync(
        StartExecutionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Describes an execution. Throws <c>ResourceNotFoundException</c> for an unknown ARN.</summary>
    Task<DescribeExecutionResponse> DescribeExecutionAsync(
        DescribeExecutionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of a state machine's executions, optionally only those with one status.</summary>
    Task<ListExecutionsResponse> ListExecutionsAsync(
        ListExecutionsRequest request, CancellationToken cancellationToken = default);
}
