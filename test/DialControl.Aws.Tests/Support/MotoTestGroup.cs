using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.Support;

/// <summary>Tests that share one moto_server; they run one after another and reset it as they need.</summary>
[CollectionDefinition(Name)]
public sealed class MotoTestGroup : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
