namespace DialControl.Functions.Hosting;

/// <summary>
/// Every function the bootstrap can run, by handler name (the template's <c>Handler</c> property,
/// seen by the process as <c>_HANDLER</c>). Each reaction adds its entries here, one line each.
/// </summary>
public static class FunctionTable
{
    /// <summary>Handler name to the factory that builds the function at cold start.</summary>
    public static IReadOnlyDictionary<string, Func<FunctionEnvironment, ILambdaFunction>> Functions { get; } =
        new Dictionary<string, Func<FunctionEnvironment, ILambdaFunction>>(StringComparer.Ordinal)
        {
            [Scaling.ScaleNodesFunction.HandlerName] = Scaling.ScaleNodesFunction.Create,
            [Quotas.BedrockQuotaFunction.HandlerName] = Quotas.BedrockQuotaFunction.Create,
            ["FailoverStep"] = Failover.FailoverStepFunction.Create,
            ["FailoverTrigger"] = Failover.FailoverTriggerFunction.Create,
            ["CapacityRecorder"] = Failover.CapacityRecorderFunction.Create,
        };
}
