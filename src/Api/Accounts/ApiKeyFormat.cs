using System.Security.Cryptography;

namespace TaskForge.Api.Accounts;

/// <summary><c>tf_&lt;prefix&gt;_&lt;secret&gt;</c>: a 12-character lower-case prefix that identifies the key, and 32 random bytes (base64url).</summary>
internal static class ApiKeyFormat
{
    public const int MaxLength = 128;
    private const string Start = "tf_";
    private const int PrefixLength = 12;
    private const string PrefixAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static (string Prefix, string Key) New()
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        return (prefix, $"{Start}{prefix}_{OpaqueToken.New()}");
    }

    public static bool TryParsePrefix(string? key, out string prefix)
    {
        prefix = "";
        if (key is null || key.Length > MaxLength || !key.StartsWith(Start, StringComparison.Ordinal))
            return false;
        var end = key.IndexOf('_', Start.Length);
        if (end != Start.Length + PrefixLength || end == key.Length - 1)
            return false;
        prefix = key[Start.Length..end];
        return prefix.All(c => PrefixAlphabet.Contains(c, StringComparison.Ordinal));
    }
}
