using System.Text.Json.Serialization;
using Amazon.Runtime;
using DialControl.Aws.Runtime.Json;

// The Step Functions operations DialControl uses, named as in AWSSDK.StepFunctions (namespace
// Amazon.StepFunctions.Model); only the members DialControl reads or writes are modelled. Wire names
// are camelCase (awsJson 1.0, target prefix AWSStepFunctions).
namespace DialControl.Aws.StepFunctions;

/// <summary>Request of StartExecution.</summary>
public sealed class StartExecutionRequest : AmazonWebServiceRequest
{
    /// <summary>The state machine to run.</summary>
    public string? StateMachineArn { get; set; }

    /// <summary>
    /// The execution name, unique per state machine for 90 days. Starting a standard workflow again
    /// with the same name and input returns the running execution; with other input it fails with
    /// <c>ExecutionAlreadyExists</c>. This is what makes a failover start idempotent.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>The execution input, a JSON document as text.</summary>
    public string? Input { get; set; }

    /// <summary>The X-Ray trace header to continue.</summary>
    public string? TraceHeader { get; set; }
}

/// <summary>Response of StartExecution.</summary>
public sealed class StartExecutionResponse : AmazonWebServiceResponse
{
    /// <summary>The execution's ARN.</summary>
    public string? ExecutionArn { get; set; }

    /// <summary>When the execution started.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StartDate { get; set; }
}

/// <summary>Request of DescribeExecution.</summary>
public sealed class DescribeExecutionRequest : AmazonWebServiceRequest
{
    /// <summary>The execution to describe.</summary>
    public string? ExecutionArn { get; set; }
}

/// <summary>Response of DescribeExecution.</summary>
public sealed class DescribeExecutionResponse : AmazonWebServiceResponse
{
    /// <summary>The execution's ARN.</summary>
    public string? ExecutionArn { get; set; }

    /// <summary>The state machine that runs it.</summary>
    public string? StateMachineArn { get; set; }

    /// <summary>The execution name.</summary>
    public string? Name { get; set; }

    /// <summary>See <see cref="ExecutionStatus"/>.</summary>
    public string? Status { get; set; }

    /// <summary>When the execution started.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>When the execution ended; null while it runs.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StopDate { get; set; }

    /// <summary>The input, a JSON document as text.</summary>
    public string? Input { get; set; }

    /// <summary>The output of a SUCCEEDED execution, a JSON document as text.</summary>
    public string? Output { get; set; }

    /// <summary>The error name of a FAILED execution.</summary>
    public string? Error { get; set; }

    /// <summary>The cause of a FAILED execution.</summary>
    public string? Cause { get; set; }
}

/// <summary>Request of ListExecutions.</summary>
public sealed class ListExecutionsRequest : AmazonWebServiceRequest
{
    /// <summary>The state machine whose executions are listed.</summary>
    public string? StateMachineArn { get; set; }

    /// <summary>Only executions with this status (see <see cref="ExecutionStatus"/>).</summary>
    public string? StatusFilter { get; set; }

    /// <summary>Page size, 1 to 1000; the service default is 100.</summary>
    public int? MaxResults { get; set; }

    /// <summary>The token of the next page.</summary>
    public string? NextToken { get; set; }
}

/// <summary>Response of ListExecutions.</summary>
public sealed class ListExecutionsResponse : AmazonWebServiceResponse
{
    /// <summary>One page of executions, newest first.</summary>
    public List<ExecutionListItem> Executions { get; set; } = [];

    /// <summary>The token of the next page, or null on the last one.</summary>
    public string? NextToken { get; set; }
}

/// <summary>An execution as ListExecutions shows it.</summary>
public sealed class ExecutionListItem
{
    /// <summary>The execution's ARN.</summary>
    public string? ExecutionArn { get; set; }

    /// <summary>The state machine that runs it.</summary>
    public string? StateMachineArn { get; set; }

    /// <summary>The execution name.</summary>
    public string? Name { get; set; }

    /// <summary>See <see cref="ExecutionStatus"/>.</summary>
    public string? Status { get; set; }

    /// <summary>When the execution started.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>When the execution ended; null while it runs.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StopDate { get; set; }
}

/// <summary>The values of an execution's status.</summary>
public static class ExecutionStatus
{
    /// <summary>Still running.</summary>
    public const string Running = "RUNNING";

    /// <summary>Ended with output.</summary>
    public const string Succeeded = "SUCCEEDED";

    /// <summary>Ended with an error and a cause.</summary>
    public const string Failed = "FAILED";

    /// <summary>Ran past its timeout.</summary>
    public const string TimedOut = "TIMED_OUT";

    /// <summary>Stopped by a caller.</summary>
    public const string Aborted = "ABORTED";

    /// <summary>A redrive was asked for and has not started yet.</summary>
    public const string PendingRedrive = "PENDING_REDRIVE";
}
