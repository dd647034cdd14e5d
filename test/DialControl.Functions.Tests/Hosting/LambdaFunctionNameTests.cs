using DialControl.Functions.Hosting;
using Xunit;

namespace DialControl.Functions.Tests.Hosting;

public sealed class LambdaFunctionNameTests
{
    [Theory]
    [InlineData("Echo", "Echo")]
    [InlineData("Echo:$LATEST", "Echo")]
    [InlineData("Echo:live", "Echo")]
    [InlineData("123456789012:function:Echo", "Echo")]
    [InlineData("123456789012:function:Echo:3", "Echo")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:Echo", "Echo")]
    [InlineData("arn:aws-cn:lambda:cn-north-1:123456789012:function:dial-scale:prod", "dial-scale")]
    public void Of_AnyAcceptedForm_TheBareName(string requested, string expected)
    {
        Assert.Equal(expected, LambdaFunctionName.Of(requested));
    }

    [Fact]
    public void Arn_NameInRegionAndAccount_FunctionArn()
    {
        Assert.Equal("arn:aws:lambda:eu-west-1:111122223333:function:Echo",
            LambdaFunctionName.Arn("eu-west-1", "111122223333", "Echo"));
    }
}
