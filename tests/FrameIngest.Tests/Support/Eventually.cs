using System.Diagnostics;

namespace VfeTps.Stream.FrameIngest.Tests.Support;

/// <summary>Waits for a condition by polling it, failing with a clear message at the deadline (never sleeps for luck).</summary>
internal static class Eventually
{
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Not reached within {timeout.TotalSeconds:0.#} s: {describe()}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
