namespace DialControl.Functions.Quotas;

/// <summary>One configured model in one of its regions: the unit a level is kept and announced for.</summary>
/// <param name="Model">The model's configuration.</param>
/// <param name="Region">The region.</param>
internal sealed record QuotaTarget(BedrockModel Model, string Region)
{
    /// <summary>The model id.</summary>
    public string ModelId => Model.ModelId;

    /// <summary>How logs and messages name the target.</summary>
    public override string ToString() => $"{Model.ModelId} in {Region}";
}
