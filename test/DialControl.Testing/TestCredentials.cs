using Amazon.Runtime;

namespace DialControl.Testing;

/// <summary>The fixed credentials tests sign with; moto and the capture endpoint accept any.</summary>
public static class TestCredentials
{
    /// <summary>Basic credentials with moto's default account.</summary>
    public static AWSCredentials Basic { get; } = new BasicAWSCredentials("AKIATESTTESTTEST", "testing-secret");
}
