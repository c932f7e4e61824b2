using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Access.Tests;

/// <summary>Passwords of seeded users, hashed once per test run (PBKDF2 is slow on purpose).</summary>
internal static class TestPasswords
{
    /// <summary>The lowest iteration count the options accept: what most tests run with.</summary>
    public const int Iterations = AccessOptions.MinimumPasswordIterations;

    public const string Default = "correct horse battery staple";

    private static readonly ConcurrentDictionary<string, Lazy<string>> Hashes = new(StringComparer.Ordinal);

    private static readonly PasswordHasher Hasher = new(Options.Create(new AccessOptions { PasswordIterations = Iterations }));

    public static string HashOf(string password) => Hashes.GetOrAdd(password, value => new Lazy<string>(() => Hasher.Hash(value))).Value;
}
