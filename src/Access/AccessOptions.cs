namespace VfeTps.Stream.Access;

/// <summary>
/// Settings of the access library (bound from the <c>Access</c> configuration section and validated at
/// start-up by <see cref="AccessOptionsValidator"/>): password hashing cost, session lifetimes, login
/// throttling, the search rate limit and the first administrator's password.
/// </summary>
public sealed class AccessOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Access";

    /// <summary>The lowest PBKDF2 iteration count accepted (OWASP's floor for HMAC-SHA512 is 210,000; this leaves room for slow machines).</summary>
    public const int MinimumPasswordIterations = 100_000;

    /// <summary>The highest PBKDF2 iteration count accepted: beyond it one login costs seconds of CPU.</summary>
    public const int MaximumPasswordIterations = 10_000_000;

    /// <summary>The longest session lifetime or idle timeout accepted.</summary>
    public static readonly TimeSpan MaxSessionLength = TimeSpan.FromDays(30);

    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations for new password hashes; 210,000 by default. Stored hashes carry their
    /// own count, so raising it later keeps old passwords valid (they are re-hashed at their next login).
    /// </summary>
    public int PasswordIterations { get; set; } = 210_000;

    /// <summary>A browser session ends after this long without a request; 8 hours by default.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A browser session ends this long after sign-in, however active; 12 hours by default.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed logins (per user name, and per client address) that lock it out; 5 by default.</summary>
    public int LoginMaxFailures { get; set; } = 5;

    /// <summary>The window in which failed logins are counted; 15 minutes by default.</summary>
    public TimeSpan LoginFailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first lockout's length; each further lockout doubles it up to <see cref="LoginMaxLockout"/>. 1 minute by default.</summary>
    public TimeSpan LoginLockout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest lockout; 15 minutes by default.</summary>
    public TimeSpan LoginMaxLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>User names (and, separately, client addresses) the login throttle tracks at most; 10,000 by default.</summary>
    public int LoginThrottleMaxTracked { get; set; } = 10_000;

    /// <summary>
    /// PBKDF2 password checks (logins, password changes) run at once; the number of processors by default.
    /// Up to <see cref="PasswordVerifier.QueuedPerSlot"/> more per slot wait for a turn; beyond that a login
    /// is answered 503 unchecked, so that a flood of logins cannot pin every core.
    /// </summary>
    public int PasswordChecksAtOnce { get; set; } = Environment.ProcessorCount;

    /// <summary>Searches per minute a user or API key may sustain (the token bucket's refill rate); 60 by default.</summary>
    public int SearchRequestsPerMinute { get; set; } = 60;

    /// <summary>Searches a user or API key may make at once before the refill rate applies (the bucket's size); 20 by default.</summary>
    public int SearchBurst { get; set; } = 20;

    /// <summary>
    /// The password of the administrator created at the first start (when there are no users); when unset,
    /// a random one is generated and shown once. Ignored once any user exists.
    /// </summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>
    /// When true at start and users exist: gives <c>admin</c> a new generated password (shown once, to be
    /// changed), re-enables it with every role and every camera, and ends its sessions; recreates it when
    /// it was deleted. For a lost admin password: start once with it, then without it.
    /// </summary>
    public bool ResetAdminPassword { get; set; }

    /// <summary>Every invalid setting, described; empty when the options are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PasswordIterations is < MinimumPasswordIterations or > MaximumPasswordIterations)
        {
            problems.Add($"{nameof(PasswordIterations)} must be between {MinimumPasswordIterations:N0} and {MaximumPasswordIterations:N0} "
                + $"(got {PasswordIterations:N0}); 210,000 is the recommended value.");
        }

        var minute = TimeSpan.FromMinutes(1);
        var day = TimeSpan.FromDays(1);
        if (SessionIdleTimeout < minute || SessionIdleTimeout > MaxSessionLength)
            problems.Add($"{nameof(SessionIdleTimeout)} must be between one minute and {MaxSessionLength.TotalDays:0} days (got {SessionIdleTimeout}).");
        if (SessionLifetime < minute || SessionLifetime > MaxSessionLength)
            problems.Add($"{nameof(SessionLifetime)} must be between one minute and {MaxSessionLength.TotalDays:0} days (got {SessionLifetime}).");
        if (LoginMaxFailures is < 1 or > 1000)
            problems.Add($"{nameof(LoginMaxFailures)} must be between 1 and 1000 (got {LoginMaxFailures}).");
        if (LoginFailureWindow <= TimeSpan.Zero || LoginFailureWindow > day)
            problems.Add($"{nameof(LoginFailureWindow)} must be positive and at most one day (got {LoginFailureWindow}).");
        if (LoginLockout <= TimeSpan.Zero || LoginLockout > day)
            problems.Add($"{nameof(LoginLockout)} must be positive and at most one day (got {LoginLockout}).");
        if (LoginMaxLockout < LoginLockout || LoginMaxLockout > day)
            problems.Add($"{nameof(LoginMaxLockout)} must be at least {nameof(LoginLockout)} ({LoginLockout}) and at most one day (got {LoginMaxLockout}).");
        if (LoginThrottleMaxTracked is < 100 or > 1_000_000)
            problems.Add($"{nameof(LoginThrottleMaxTracked)} must be between 100 and 1,000,000 (got {LoginThrottleMaxTracked}).");
        if (PasswordChecksAtOnce is < 1 or > 1024)
            problems.Add($"{nameof(PasswordChecksAtOnce)} must be between 1 and 1024 (got {PasswordChecksAtOnce}); the number of processors is the default.");
        if (SearchRequestsPerMinute is < 1 or > SearchRateLimit.MaxRequestsPerMinute)
            problems.Add($"{nameof(SearchRequestsPerMinute)} must be between 1 and {SearchRateLimit.MaxRequestsPerMinute} (got {SearchRequestsPerMinute}).");
        if (SearchBurst is < 1 or > 10_000)
            problems.Add($"{nameof(SearchBurst)} must be between 1 and 10,000 (got {SearchBurst}).");
        if (BootstrapAdminPassword is not null && PasswordRules.Check(BootstrapAdminPassword) is { } passwordProblem)
            problems.Add($"{nameof(BootstrapAdminPassword)} is not usable: {passwordProblem} Leave it unset to have one generated.");
        return problems;
    }
}
