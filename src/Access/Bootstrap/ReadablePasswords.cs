using System.Security.Cryptography;

namespace VfeTps.Stream.Access;

/// <summary>
/// Generated passwords meant to be read off a console and typed: 24 characters from an alphabet without
/// look-alikes (no 0/O, 1/l/I), in groups of six (about 138 bits).
/// </summary>
internal static class ReadablePasswords
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int Groups = 4;
    private const int GroupLength = 6;

    public static string New() =>
        string.Join('-', Enumerable.Range(0, Groups).Select(_ => RandomNumberGenerator.GetString(Alphabet, GroupLength)));
}
