using System.Diagnostics;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>Waits for a condition by polling, failing with a description at the deadline (never a fixed sleep).</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan deadline, Func<string> whatWasExpected)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > deadline)
            {
                Assert.Fail($"After {deadline.TotalSeconds:F0} s: {whatWasExpected()}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
