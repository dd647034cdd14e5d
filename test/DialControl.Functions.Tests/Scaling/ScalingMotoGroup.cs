using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Scaling;

/// <summary>The scale-nodes tests that share one moto_server; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ScalingMotoGroup : ICollectionFixture<MotoServer>
{
    public const string Name = "scaling-moto";
}
