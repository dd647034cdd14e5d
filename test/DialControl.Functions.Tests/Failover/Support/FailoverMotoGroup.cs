using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>Failover tests that share one moto_server; each resets it and seeds what it needs.</summary>
[CollectionDefinition(Name)]
public sealed class FailoverMotoGroup : ICollectionFixture<MotoServer>
{
    public const string Name = "failover-moto";
}
