using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.Support;

/// <summary>The XML canonical form the contract tests compare: namespaces count, prefixes do not.</summary>
public sealed class WireRequestTests
{
    private static string Canonical(string xml) =>
        new WireRequest("POST", "/", new Dictionary<string, string[]>(), new Dictionary<string, string>(), xml, null)
            .CanonicalBody();

    [Fact]
    public void CanonicalBody_DefaultNamespaceAndPrefix_AreEqual()
    {
        var unprefixed = Canonical("""<A xmlns="urn:r53"><B>1</B></A>""");
        var prefixed = Canonical("""<r:A xmlns:r="urn:r53"><r:B> 1 </r:B></r:A>""");

        Assert.Equal(unprefixed, prefixed);
    }

    [Fact]
    public void CanonicalBody_ChildOutsideTheNamespace_Differs()
    {
        var inside = Canonical("""<A xmlns="urn:r53"><B>1</B></A>""");
        var outside = Canonical("""<r:A xmlns:r="urn:r53"><B>1</B></r:A>""");

        Assert.NotEqual(inside, outside);
    }

    [Fact]
    public void CanonicalBody_OtherNamespace_Differs()
    {
        Assert.NotEqual(
            Canonical("""<A xmlns="https://route53.amazonaws.com/doc/2013-04-01/"/>"""),
            Canonical("""<A xmlns="https://route53.amazonaws.com/doc/2012-12-12/"/>"""));
    }

    [Fact]
    public void CanonicalBody_ElementOrder_Counts()
    {
        Assert.NotEqual(Canonical("<A><B>1</B><C>2</C></A>"), Canonical("<A><C>2</C><B>1</B></A>"));
    }
}
