namespace VfeTps.Stream.PersonCrop.Tests.Support;

/// <summary>Waits for a condition with a deadline, failing with a message that says what did not happen.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, string failure, CancellationToken cancellationToken, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} (within {seconds} s)");
            await Task.Delay(5, cancellationToken);
        }
    }
}
