using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Quotas.Support;

/// <summary>The Bedrock quota tests that share one moto_server; each uses its own names, so none resets it.</summary>
[CollectionDefinition(Name)]
public sealed class QuotaMotoGroup : ICollectionFixture<MotoServer>
{
    public const string Name = "moto-quotas";
}
