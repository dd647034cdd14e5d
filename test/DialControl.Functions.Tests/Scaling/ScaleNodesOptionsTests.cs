using DialControl.Functions.Hosting;
using DialControl.Functions.Scaling;
using Xunit;

namespace DialControl.Functions.Tests.Scaling;

public sealed class ScaleNodesOptionsTests
{
    private const string Example = """
        [{"alarm":"dial-core-cpu-high","nodegroup":"core","direction":"out",
          "steps":[{"lowerBound":0,"upperBound":20,"add":1},{"lowerBound":20,"add":2}],"cooldownSeconds":300,"max":10},
         {"alarm":"dial-core-cpu-low","nodegroup":"core","direction":"in","cooldownSeconds":600,"min":2}]
        """;

    private const string AllowedFields = "allowed fields: alarm, nodegroup, direction, alarmWhen, steps, " +
        "cooldownSeconds, max, min (text for alarm, nodegroup, direction and alarmWhen, whole numbers for " +
        "cooldownSeconds, max, min and add, numbers for the bounds)";

    private const string ExampleText =
        "[{\"alarm\":\"dial-core-cpu-high\",\"nodegroup\":\"core\",\"direction\":\"out\"}]";

    private static ScaleNodesOptions Load(string policies, Action<Dictionary<string, string>>? change = null)
    {
        var settings = ScalingHarness.Settings(policies);
        settings.Remove("SCALE_IN_ENABLED");
        settings.Remove("DRY_RUN");
        change?.Invoke(settings);
        return ScaleNodesOptions.Load(settings);
    }

    private static IReadOnlyList<string> Problems(string policies, Action<Dictionary<string, string>>? change = null) =>
        Assert.Throws<ConfigurationException>(() => Load(policies, change)).Problems;

    [Fact]
    public void Load_DocumentedExample_ReadsBothPolicies()
    {
        var options = Load(Example);

        Assert.Equal(("eu-west-1", "dial", "dialcontrol-state"), (options.Region, options.Cluster, options.StateTable));
        Assert.Equal((false, false, TimeSpan.FromSeconds(900)), (options.ScaleInEnabled, options.DryRun, options.MaxEventAge));
        var scaleOut = options.Policies[0];
        Assert.Equal(("dial-core-cpu-high", "core", ScaleDirection.Out, AlarmSide.Above, 10, (int?)null),
            (scaleOut.Alarm, scaleOut.NodeGroup, scaleOut.Direction, scaleOut.AlarmWhen, scaleOut.Max, scaleOut.Min));
        Assert.Equal([new ScaleStep(0, 20, 1), new ScaleStep(20, null, 2)], scaleOut.Steps);
        Assert.Equal(TimeSpan.FromSeconds(300), scaleOut.Cooldown);
        var scaleIn = options.Policies[1];
        Assert.Equal((ScaleDirection.In, AlarmSide.Below, 2, TimeSpan.FromSeconds(600)),
            (scaleIn.Direction, scaleIn.AlarmWhen, scaleIn.Min, scaleIn.Cooldown));
        Assert.Empty(scaleIn.Steps);
    }

    [Fact]
    public void Load_MinimalPolicies_TakeDefaults()
    {
        var options = Load("""
            [{"alarm":"a-high","nodegroup":"core","direction":"out"},
             {"alarm":"a-low","nodegroup":"core","direction":"IN"}]
            """);

        Assert.Equal([new ScaleStep(0, null, 1)], options.Policies[0].Steps);
        Assert.Equal(TimeSpan.FromSeconds(300), options.Policies[0].Cooldown);
        Assert.Null(options.Policies[0].Max);
        Assert.Equal(TimeSpan.FromSeconds(600), options.Policies[1].Cooldown);
    }

    [Fact]
    public void Load_SwitchesAndEventAge_AreRead()
    {
        var options = Load(Example, s =>
        {
            s["SCALE_IN_ENABLED"] = "TRUE";
            s["DRY_RUN"] = " true ";
            s["MAX_EVENT_AGE_SECONDS"] = "3600";
        });

        Assert.Equal((true, true, TimeSpan.FromHours(1)), (options.ScaleInEnabled, options.DryRun, options.MaxEventAge));
    }

    [Fact]
    public void Load_ManyBadSettings_ReportsEveryProblemAtOnce()
    {
        var error = Assert.Throws<ConfigurationException>(() => Load("""
            [{"alarm":"","nodegroup":"core group","direction":"up","cooldownSeconds":-1},
             {"alarm":"b","nodegroup":"core","direction":"out","steps":[{"lowerBound":0,"upperBound":10,"add":0}],"min":1}]
            """, s =>
        {
            s.Remove("AWS_REGION");
            s["STATE_TABLE"] = "x";
            s["SCALE_IN_ENABLED"] = "yes";
            s["MAX_EVENT_AGE_SECONDS"] = "30";
        }));

        Assert.Equal(
            [
                "AWS_REGION is missing; allowed: an AWS region such as eu-west-1",
                "STATE_TABLE is \"x\"; allowed: the DynamoDB state table name, 3 to 255 letters, digits, '_', '-' or '.'",
                "SCALE_POLICIES[0].alarm is \"\"; allowed: the CloudWatch alarm name, 1 to 255 characters",
                "SCALE_POLICIES[0].nodegroup is \"core group\"; allowed: an EKS node group name, 1 to 63 letters, " +
                "digits, '-' or '_', starting with a letter or digit",
                "SCALE_POLICIES[0].direction is \"up\"; allowed: \"out\" (add nodes) or \"in\" (remove one node)",
                "SCALE_POLICIES[0].cooldownSeconds is -1; allowed: 0 to 86400 seconds (default 300 for out, 600 for in)",
                "SCALE_POLICIES[1].steps[0].add is 0; allowed: 1 to 100 nodes",
                "SCALE_POLICIES[1].min is set on a scale-out policy; allowed: min on scale-in policies, max on scale-out",
                "SCALE_IN_ENABLED is \"yes\"; allowed: true or false (default false)",
                "MAX_EVENT_AGE_SECONDS is \"30\"; allowed: 60 to 86400 seconds (default 900)",
            ],
            error.Problems);
        Assert.StartsWith("Invalid configuration (10 problems): AWS_REGION is missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{", "SCALE_POLICIES is not valid JSON (line 1, byte 3); expected an array of policies such as " +
        ExampleText)]
    [InlineData("{\"alarm\":\"a\"}", "SCALE_POLICIES is a JSON object; expected an array of policies such as " +
        ExampleText)]
    [InlineData("[]", "SCALE_POLICIES is an empty list; give at least one policy such as " + ExampleText)]
    [InlineData("[null]", "SCALE_POLICIES[0] is null; expected an object with at least alarm, nodegroup and direction")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"cooldown\":60}]",
        "SCALE_POLICIES has an unknown field or a value of the wrong type at $[0].cooldown; " + AllowedFields)]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"max\":\"ten\"}]",
        "SCALE_POLICIES has an unknown field or a value of the wrong type at $[0].max; " + AllowedFields)]
    [InlineData("[{\"nodegroup\":\"core\",\"direction\":\"out\"}]",
        "SCALE_POLICIES[0].alarm is missing; allowed: the CloudWatch alarm name, 1 to 255 characters")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"alarmWhen\":\"sideways\"}]",
        "SCALE_POLICIES[0].alarmWhen is \"sideways\"; allowed: \"above\" or \"below\" (the side of the threshold " +
        "the alarm fires on; default \"above\" for out, \"below\" for in)")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"cooldownSeconds\":86401}]",
        "SCALE_POLICIES[0].cooldownSeconds is 86401; allowed: 0 to 86400 seconds (default 300 for out, 600 for in)")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"max\":0}]",
        "SCALE_POLICIES[0].max is 0; allowed: 1 to 1000 nodes")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"in\",\"max\":5}]",
        "SCALE_POLICIES[0].max is set on a scale-in policy; allowed: max on scale-out policies, min on scale-in")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"in\",\"steps\":[{\"lowerBound\":0,\"add\":1}]}]",
        "SCALE_POLICIES[0].steps is set on a scale-in policy; allowed: no steps, scale-in removes one node at a time")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"steps\":[]}]",
        "SCALE_POLICIES[0].steps has 0 steps; allowed: 1 to 20 (or leave steps out for one node per step)")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"steps\":[{\"lowerBound\":5,\"add\":1}]}]",
        "SCALE_POLICIES[0].steps[0].lowerBound is 5; allowed: 0, so that every breach falls in a step")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"steps\":[{\"lowerBound\":0,\"upperBound\":10,\"add\":1}]}]",
        "SCALE_POLICIES[0].steps[0].upperBound is 10; allowed: absent on the last step, so that every breach falls " +
        "in a step")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"steps\":[{\"lowerBound\":0,\"upperBound\":10,\"add\":1},{\"lowerBound\":15,\"add\":2}]}]",
        "SCALE_POLICIES[0].steps[1].lowerBound is 15; allowed: 10 (the upperBound of step 0), so steps neither " +
        "overlap nor leave a gap")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"steps\":[{\"lowerBound\":0,\"add\":1},{\"lowerBound\":10,\"add\":2}]}]",
        "SCALE_POLICIES[0].steps[0].upperBound is missing; allowed: absent only on the last step")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"steps\":[{\"lowerBound\":0,\"upperBound\":-1,\"add\":1}]}]",
        "SCALE_POLICIES[0].steps[0].upperBound is -1; allowed: a number greater than lowerBound (0), or absent on " +
        "the last step")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"steps\":[{\"add\":1}]}]",
        "SCALE_POLICIES[0].steps[0].lowerBound is missing; allowed: a number of at least 0 (the breach beyond the " +
        "alarm threshold, in the metric's unit)")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\"},{\"alarm\":\"a\",\"nodegroup\":\"gpu\",\"direction\":\"out\"}]",
        "SCALE_POLICIES[1].alarm \"a\" is also used by SCALE_POLICIES[0]; allowed: each alarm in one policy (one " +
        "node group, one direction)")]
    [InlineData("[{\"alarm\":\"a\",\"nodegroup\":\"core\",\"direction\":\"out\",\"cooldownSeconds\":300},{\"alarm\":\"b\",\"nodegroup\":\"core\",\"direction\":\"in\",\"cooldownSeconds\":120}]",
        "SCALE_POLICIES: the scale-in cooldown of node group core (alarm b) is 120 s; allowed: at least its " +
        "scale-out cooldown (300 s, alarm a), because scale-in must be slower than scale-out")]
    public void Load_BadPolicies_ReportsTheFieldTheValueAndTheAllowedForm(string policies, string problem)
    {
        Assert.Equal([problem], Problems(policies));
    }

    [Fact]
    public void Load_MissingPolicies_SaysHowToWriteThem()
    {
        Assert.Equal(["SCALE_POLICIES is missing; set it to a JSON array of policies such as " + ExampleText],
            Problems(Example, s => s.Remove("SCALE_POLICIES")));
    }

    [Fact]
    public void Load_MorePoliciesThanDescribeAlarmsTakes_IsRejected()
    {
        var many = "[" + string.Join(",", Enumerable.Range(0, 101)
            .Select(i => $"{{\"alarm\":\"a{i}\",\"nodegroup\":\"core\",\"direction\":\"out\"}}")) + "]";

        Assert.Equal(["SCALE_POLICIES has 101 policies; allowed: at most 100"], Problems(many));
    }

    [Fact]
    public void FindPolicy_ByExactAlarmName_FindsOrNot()
    {
        var options = Load(Example);

        Assert.Equal("core", options.FindPolicy("dial-core-cpu-low")?.NodeGroup);
        Assert.Null(options.FindPolicy("DIAL-CORE-CPU-LOW"));
    }
}
