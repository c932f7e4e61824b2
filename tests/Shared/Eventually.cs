using System.Diagnostics;

namespace VfeTps.Stream.Testing;

/// <summary>Waits for a condition by polling it, failing with what was expected at the deadline (never a fixed sleep).</summary>
internal static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan deadline, Func<string> whatWasExpected)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > deadline)
            {
                Assert.Fail($"Not reached within {deadline.TotalSeconds:0.#} s: {whatWasExpected()}");
            }

            await Task.Delay(PollInterval, TestContext.Current.CancellationToken);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, TimeSpan deadline, Func<string> whatWasExpected) =>
        HoldsAsync(() => Task.FromResult(condition()), deadline, whatWasExpected);
}
