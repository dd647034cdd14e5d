using DialControl.Aws.Errors;
using DialControl.Aws.Runtime;
using DialControl.Aws.StepFunctions;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.StepFunctions;

[Collection(MotoTestGroup.Name)]
public sealed class StepFunctionsMotoTests(MotoServer moto)
{
    private const string Region = "eu-west-1";

    private const string Definition = """{"StartAt":"Plan","States":{"Plan":{"Type":"Pass","End":true}}}""";

    private AmazonStepFunctionsClient Client() =>
        new(TestCredentials.Basic, AwsClientConfig.For(AmazonStepFunctionsClient.Service, Region, moto.Url));

    private string SeedStateMachine(string name)
    {
        var created = Boto3.One(moto.Url, new("stepfunctions", "create_state_machine", new
        {
            name,
            definition = Definition,
            roleArn = "arn:aws:iam::123456789012:role/failover",
        }, Region));
        return created["stateMachineArn"]!.GetValue<string>();
    }

    [Fact]
    public async Task StartAndDescribeExecution_NewName_RunsWithTheInputGiven()
    {
        var machine = SeedStateMachine("sfn-start-test");
        var client = Client();

        var started = await client.StartExecutionAsync(new()
        {
            StateMachineArn = machine,
            Name = "to-eu-west-1",
            Input = """{"targetRegion":"eu-west-1"}""",
        });
        var described = await client.DescribeExecutionAsync(new() { ExecutionArn = started.ExecutionArn });

        var seen = Boto3.One(moto.Url, new("stepfunctions", "describe_execution",
            new { executionArn = started.ExecutionArn }, Region));
        Assert.Equal("to-eu-west-1", seen["name"]!.GetValue<string>());
        Assert.Equal("""{"targetRegion":"eu-west-1"}""", seen["input"]!.GetValue<string>());
        Assert.Equal(ExecutionStatus.Running, described.Status);
        Assert.Equal(machine, described.StateMachineArn);
        Assert.Equal("to-eu-west-1", described.Name);
        Assert.Equal("""{"targetRegion":"eu-west-1"}""", described.Input);
        Assert.Equal(started.StartDate, described.StartDate);
        Assert.Null(described.StopDate);
    }

    [Fact]
    public async Task StartExecution_SameNameAndInput_ReturnsTheSameExecution()
    {
        var machine = SeedStateMachine("sfn-idempotent-test");
        var client = Client();
        var request = new StartExecutionRequest { StateMachineArn = machine, Name = "failover-1", Input = "{}" };

        var first = await client.StartExecutionAsync(request);
        var second = await client.StartExecutionAsync(request);

        Assert.Equal(first.ExecutionArn, second.ExecutionArn);
        var listed = Boto3.One(moto.Url, new("stepfunctions", "list_executions",
            new { stateMachineArn = machine }, Region));
        Assert.Single(listed["executions"]!.AsArray());
    }

    [Fact]
    public async Task StartExecution_SameNameOtherInput_ThrowsExecutionAlreadyExists()
    {
        var machine = SeedStateMachine("sfn-conflict-test");
        var client = Client();
        await client.StartExecutionAsync(new() { StateMachineArn = machine, Name = "failover-1", Input = "{}" });

        var error = await Assert.ThrowsAsync<ExecutionAlreadyExistsException>(() =>
            client.StartExecutionAsync(new()
            {
                StateMachineArn = machine,
                Name = "failover-1",
                Input = """{"force":true}""",
            }));

        Assert.Equal("ExecutionAlreadyExists", error.ErrorCode);
        Assert.Equal(400, (int)error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task ListExecutions_StatusFilter_ReturnsOnlyRunningExecutions()
    {
        var machine = SeedStateMachine("sfn-list-test");
        var client = Client();
        var running = await client.StartExecutionAsync(new() { StateMachineArn = machine, Name = "running" });
        var aborted = await client.StartExecutionAsync(new() { StateMachineArn = machine, Name = "aborted" });
        Boto3.Call(moto.Url, new Boto3Call("stepfunctions", "stop_execution",
            new { executionArn = aborted.ExecutionArn }, Region));

        var all = await client.ListExecutionsAsync(new() { StateMachineArn = machine });
        var onlyRunning = await client.ListExecutionsAsync(
            new() { StateMachineArn = machine, StatusFilter = ExecutionStatus.Running });

        Assert.Equal(["aborted", "running"], all.Executions.Select(e => e.Name!).Order(StringComparer.Ordinal));
        var item = Assert.Single(onlyRunning.Executions);
        Assert.Equal(running.ExecutionArn, item.ExecutionArn);
        Assert.Equal(machine, item.StateMachineArn);
        Assert.Equal(ExecutionStatus.Running, item.Status);
        Assert.NotNull(item.StartDate);
    }

    [Fact]
    public async Task DescribeExecution_UnknownExecution_ThrowsResourceNotFound()
    {
        var machine = SeedStateMachine("sfn-missing-test");
        var unknown = machine.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":never-started";

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            Client().DescribeExecutionAsync(new() { ExecutionArn = unknown }));

        Assert.Equal("ExecutionDoesNotExist", error.ErrorCode);
    }
}
