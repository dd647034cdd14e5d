using DialControl.Aws.Errors;
using DialControl.Aws.Runtime;
using DialControl.Aws.StepFunctions;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.StepFunctions;

public sealed class StepFunctionsContractTests
{
    private const string MachineArn = "arn:aws:states:eu-west-1:123456789012:stateMachine:failover";

    private const string ExecutionArn = "arn:aws:states:eu-west-1:123456789012:execution:failover:to-eu-west-1";

    private static AmazonStepFunctionsClient Client(CaptureServer server) =>
        new(TestCredentials.Basic, AwsClientConfig.For(AmazonStepFunctionsClient.Service, "eu-west-1", server.Url));

    [Fact]
    public async Task StartExecution_RequestAndResponse_MatchBotocore()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200,
            $$"""{"executionArn":"{{ExecutionArn}}","startDate":1733246400.125}"""));

        var response = await Client(server).StartExecutionAsync(new()
        {
            StateMachineArn = MachineArn,
            Name = "to-eu-west-1",
            Input = """{"targetRegion":"eu-west-1","dryRun":true}""",
            TraceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793",
        });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "stepfunctions", "StartExecution", new
            {
                stateMachineArn = MachineArn,
                name = "to-eu-west-1",
                input = """{"targetRegion":"eu-west-1","dryRun":true}""",
                traceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793",
            }));
        Assert.Equal(ExecutionArn, response.ExecutionArn);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1733246400125), response.StartDate);
    }

    [Fact]
    public async Task DescribeExecution_FailedExecution_MatchesBotocoreAndParses()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200, $$"""
            {"executionArn":"{{ExecutionArn}}","stateMachineArn":"{{MachineArn}}","name":"to-eu-west-1",
             "status":"FAILED","startDate":1733246400,"stopDate":1733246460.5,
             "input":"{\"targetRegion\":\"eu-west-1\"}","inputDetails":{"included":true},
             "error":"StandbyUnhealthy","cause":"2 of 3 targets unhealthy","redriveCount":0}
            """));

        var response = await Client(server).DescribeExecutionAsync(new() { ExecutionArn = ExecutionArn });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "stepfunctions", "DescribeExecution", new { executionArn = ExecutionArn }));
        Assert.Equal(ExecutionStatus.Failed, response.Status);
        Assert.Equal(MachineArn, response.StateMachineArn);
        Assert.Equal("to-eu-west-1", response.Name);
        Assert.Equal("""{"targetRegion":"eu-west-1"}""", response.Input);
        Assert.Null(response.Output);
        Assert.Equal("StandbyUnhealthy", response.Error);
        Assert.Equal("2 of 3 targets unhealthy", response.Cause);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1733246400), response.StartDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1733246460500), response.StopDate);
    }

    [Fact]
    public async Task ListExecutions_StatusFilterAndPaging_MatchesBotocore()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200, $$"""
            {"executions":[{"executionArn":"{{ExecutionArn}}","stateMachineArn":"{{MachineArn}}",
             "name":"to-eu-west-1","status":"RUNNING","startDate":1733246400}],"nextToken":"page-2"}
            """));

        var response = await Client(server).ListExecutionsAsync(new()
        {
            StateMachineArn = MachineArn,
            StatusFilter = ExecutionStatus.Running,
            MaxResults = 10,
            NextToken = "page-1",
        });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "stepfunctions", "ListExecutions", new
            {
                stateMachineArn = MachineArn,
                statusFilter = "RUNNING",
                maxResults = 10,
                nextToken = "page-1",
            }));
        var execution = Assert.Single(response.Executions);
        Assert.Equal("to-eu-west-1", execution.Name);
        Assert.Equal(ExecutionStatus.Running, execution.Status);
        Assert.Null(execution.StopDate);
        Assert.Equal("page-2", response.NextToken);
    }

    [Fact]
    public async Task StartExecution_ExecutionAlreadyExists_ThrowsTypedExceptionWithoutRetry()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(400,
            """
            {"__type":"com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists",
             "message":"Execution Already Exists: 'x'"}
            """,
            "application/x-amz-json-1.0"));

        var error = await Assert.ThrowsAsync<ExecutionAlreadyExistsException>(() =>
            Client(server).StartExecutionAsync(
                new() { StateMachineArn = MachineArn, Name = "to-eu-west-1", Input = "{}" }));

        Assert.Equal("ExecutionAlreadyExists", error.ErrorCode);
        Assert.Equal(400, (int)error.StatusCode);
        Assert.Equal("req-1", error.RequestId);
        Assert.Equal("SFN", error.ServiceId);
        Assert.Equal("StartExecution", error.Operation);
        Assert.Equal(
            "SFN StartExecution failed with ExecutionAlreadyExists (HTTP 400, request id req-1): " +
            "Execution Already Exists: 'x'",
            error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task DescribeExecution_ExecutionDoesNotExist_ThrowsResourceNotFound()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(400,
            """
            {"__type":"com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist",
             "message":"Execution Does Not Exist"}
            """,
            "application/x-amz-json-1.0"));

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            Client(server).DescribeExecutionAsync(new() { ExecutionArn = ExecutionArn }));

        Assert.Equal("ExecutionDoesNotExist", error.ErrorCode);
        Assert.Equal("DescribeExecution", error.Operation);
    }
}
