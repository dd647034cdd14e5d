using DialControl.Functions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Hosting;

public sealed class InvocationContextTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1000, 0)]
    [InlineData(0, 0)]
    [InlineData(1000, 100)]
    [InlineData(3000, 300)]
    [InlineData(5000, 500)]
    [InlineData(900_000, 500)]
    public void CancellationMargin_Budget_TenPercentAtMost500Ms(int budgetMs, int expectedMs)
    {
        var margin = InvocationContext.CancellationMargin(TimeSpan.FromMilliseconds(budgetMs));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), margin);
    }

    [Fact]
    public void CancellationToken_FifteenMinuteBudget_Fires500MsBeforeDeadline()
    {
        var clock = new FakeTimeProvider(Now);
        using var context = Create(clock, Now.AddMinutes(15));

        clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromMilliseconds(501));
        Assert.False(context.CancellationToken.IsCancellationRequested);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(context.CancellationToken.IsCancellationRequested);
        Assert.Equal(TimeSpan.FromMilliseconds(500), context.RemainingTime);
    }

    [Fact]
    public void RemainingTime_PastDeadline_IsZero()
    {
        var clock = new FakeTimeProvider(Now);
        using var context = Create(clock, Now.AddSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.Zero, context.RemainingTime);
    }

    [Fact]
    public void CancellationToken_DeadlineAlreadyPassed_IsCancelledAtOnce()
    {
        using var context = Create(new FakeTimeProvider(Now), Now.AddSeconds(-1));

        Assert.True(context.CancellationToken.IsCancellationRequested);
    }

    private static InvocationContext Create(TimeProvider clock, DateTimeOffset deadline) =>
        new("req-1", "fn", "arn:aws:lambda:us-east-1:123456789012:function:fn", deadline, null, clock);
}
