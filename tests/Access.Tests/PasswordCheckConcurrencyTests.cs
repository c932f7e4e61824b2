using System.Net;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Access.Tests;

/// <summary>
/// At most <see cref="AccessOptions.PasswordChecksAtOnce"/> password checks run at once and a few per slot wait;
/// beyond that a login is answered 503 unchecked (nothing hashed, nothing counted against the name).
/// </summary>
public sealed class PasswordCheckConcurrencyTests : AccessServerTest
{
    internal override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Access:PasswordChecksAtOnce"] = "1",
    };

    [Fact]
    public async Task A_login_beyond_the_running_and_waiting_checks_is_503_unchecked_and_counts_no_failure()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        var verifier = Server.Service<PasswordVerifier>();
        using var measurements = new AccessMeasurements(Server);
        var running = await verifier.TryEnterAsync(Token);
        Assert.NotNull(running);
        var waiting = Enumerable.Range(0, PasswordVerifier.QueuedPerSlot).Select(_ => verifier.TryEnterAsync(Token)).ToArray();
        Assert.All(waiting, turn => Assert.False(turn.IsCompleted));

        var refused = await Server.LoginResponseAsync("alice", TestPasswords.Default);

        var problem = await refused.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("password checks", problem.Title, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Null(AccessTestServer.SetCookieOf(refused));
        Assert.Equal(0, measurements["vfetps.access.password_checks"]);
        Assert.Equal(1, measurements["vfetps.access.password_checks.busy"]);
        Assert.Equal(1, measurements["vfetps.access.logins:busy"]);
        Assert.Empty(Server.Audit.Of(AuditActions.LoginFailed));

        running!.Dispose();
        foreach (var turn in waiting)
            (await turn)!.Dispose();

        // Nothing was counted against the name or the address: five real failures are still needed for a lockout.
        for (var attempt = 0; attempt < 4; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Server.LoginResponseAsync("alice", "definitely not it")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Server.LoginResponseAsync("alice", TestPasswords.Default)).StatusCode);
        Assert.Equal(5, measurements["vfetps.access.password_checks"]);
    }

    [Fact]
    public async Task A_waiting_check_runs_when_a_slot_frees()
    {
        var verifier = Server.Service<PasswordVerifier>();
        var running = await verifier.TryEnterAsync(Token);

        var waiting = verifier.TryEnterAsync(Token);
        Assert.False(waiting.IsCompleted);
        running!.Dispose();
        running.Dispose();

        using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.NotNull(next);
        // Disposing twice handed on one slot only: the next caller waits.
        var third = verifier.TryEnterAsync(Token);
        Assert.False(third.IsCompleted);
        next!.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(10), Token))!.Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_place_back()
    {
        using var verifier = new PasswordVerifier(
            new PasswordHasher(Options.Create(new AccessOptions { PasswordIterations = TestPasswords.Iterations })),
            Server.Service<AccessMetrics>(),
            Options.Create(new AccessOptions { PasswordChecksAtOnce = 1 }));
        var running = await verifier.TryEnterAsync(Token);
        using var cancel = new CancellationTokenSource();
        var waiting = Enumerable.Range(0, PasswordVerifier.QueuedPerSlot).Select(_ => verifier.TryEnterAsync(cancel.Token)).ToArray();
        Assert.Null(await verifier.TryEnterAsync(Token));

        await cancel.CancelAsync();
        foreach (var turn in waiting)
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn);

        var queued = verifier.TryEnterAsync(Token);
        Assert.False(queued.IsCompleted);
        running!.Dispose();
        (await queued.WaitAsync(TimeSpan.FromSeconds(10), Token))!.Dispose();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2000)]
    public void An_out_of_range_concurrency_is_refused_at_start(int checks)
    {
        var problems = new AccessOptions { PasswordChecksAtOnce = checks }.Validate();

        Assert.Contains(problems, problem => problem.Contains(nameof(AccessOptions.PasswordChecksAtOnce), StringComparison.Ordinal));
    }
}
