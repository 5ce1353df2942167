using System.Net.Mail;

namespace TaskForge.Api.Accounts;

/// <summary>Normalization and validation of what a client types in.</summary>
internal static class AccountInput
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 200;
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;

    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    public static string? EmailError(string normalized)
    {
        if (normalized.Length is 0 or > MaxEmailLength)
            return normalized.Length == 0 ? "Email is required." : $"Email is longer than {MaxEmailLength} characters.";
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0 && at == normalized.LastIndexOf('@') && normalized.IndexOf('.', at) > at + 1 && !normalized.EndsWith('.')
            && !normalized.Any(char.IsWhiteSpace) && MailAddress.TryCreate(normalized, out var parsed) && parsed.Address == normalized;
        return valid ? null : "Email is not a valid address.";
    }

    public static string? PasswordError(string? password) => (password?.Length ?? 0) switch
    {
        < MinPasswordLength => $"Password must be at least {MinPasswordLength} characters.",
        > MaxPasswordLength => $"Password must be at most {MaxPasswordLength} characters.",
        _ => null,
    };

    /// <summary>
    /// A name (a person's, an API key's) by the domain's rule for one line of text (ADR 45): no control characters
    /// (PostgreSQL's JSON refuses NUL) and no lone surrogates.
    /// </summary>
    public static string? NameError(string name, int maxLength = MaxNameLength) => name.Length switch
    {
        0 => "Name is required.",
        _ when name.Length > maxLength => $"Name must be at most {maxLength} characters.",
        _ => Domain.TextInput.SingleLine("Name", name, maxLength, out _)?.Message,
    };
}
