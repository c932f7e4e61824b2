using System.Text.RegularExpressions;

namespace VfeTps.Stream.Access;

/// <summary>
/// User names: 1–64 lower-case ASCII letters, digits, '.', '_' and '-', starting with a letter or digit.
/// They appear in actor ids (<c>user:{name}</c>), URLs and the audit trail, so nothing in them needs escaping.
/// </summary>
internal static partial class UserNames
{
    public const int MaxLength = 64;

    /// <summary>The name of the administrator created at the first start.</summary>
    public const string BootstrapAdmin = "admin";

    public const string Rule = "1–64 lower-case letters, digits, '.', '_' and '-', starting with a letter or digit";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    // \z, not $: '$' also matches before a final newline, which would let "alice\n" through.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
