using System.Globalization;

namespace DialControl.Bench.ColdStart;

/// <summary>What the bootstrap runs for one cold start: a handler, its settings and one event.</summary>
internal sealed record Workload(string Name, string Handler, IReadOnlyDictionary<string, string> Settings, string Event)
{
    /// <summary>The built-in Echo function: the runtime's own start-up and nothing else.</summary>
    public static Workload Echo { get; } =
        new("Echo", "Echo", new Dictionary<string, string>(), """{"alarm":"cpu-high"}""");

    /// <summary>
    /// A real reaction's cold start: ScaleNodes validates its settings, builds its EKS, CloudWatch and
    /// DynamoDB clients, parses an EventBridge alarm event and logs its decision. The alarm went to
    /// INSUFFICIENT_DATA, which is logged and ignored, so no AWS call is made; the endpoint points at a
    /// closed loopback port all the same, so that a call would fail the run instead of leaving the machine.
    /// </summary>
    public static Workload ScaleNodes { get; } = new("ScaleNodes (alarm ignored)", "ScaleNodes",
        new Dictionary<string, string>
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "AKIDBENCHMARK",
            ["AWS_SECRET_ACCESS_KEY"] = "benchmark",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
            ["CLUSTER_NAME"] = "dial",
            ["STATE_TABLE"] = "dialcontrol-state",
            ["SCALE_POLICIES"] = """[{"alarm":"dial-core-cpu-high","nodegroup":"core","direction":"out"}]""",
        },
        AlarmEvent(DateTimeOffset.UtcNow));

    // A fresh state time: the function skips alarm events older than MAX_EVENT_AGE_SECONDS (15 minutes).
    private static string AlarmEvent(DateTimeOffset now)
    {
        var time = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return $$"""
            {"version":"0","id":"bench-1","detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch",
             "account":"123456789012","time":"{{time}}Z","region":"eu-west-1",
             "resources":["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:dial-core-cpu-high"],
             "detail":{"alarmName":"dial-core-cpu-high",
               "state":{"value":"INSUFFICIENT_DATA","reason":"no datapoints","timestamp":"{{time}}.000+0000"},
               "previousState":{"value":"OK","reason":"ok","timestamp":"{{time}}.000+0000"},
               "configuration":{"metrics":[]} } }
            """;
    }

    /// <summary>Every workload, in the order they are reported.</summary>
    public static IReadOnlyList<Workload> All { get; } = [Echo, ScaleNodes];
}
