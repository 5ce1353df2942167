namespace TaskForge.Domain;

/// <summary>
/// Validates user text: single-line values (names, titles, labels) are trimmed, must not be empty
/// and may hold no control character; multi-line values (descriptions, comments) may also hold
/// line breaks and tabs. An error names <c>field</c> in its message and as its field; a caller whose input field is
/// named otherwise sets the field with <c>error with { Field = ... }</c>.
/// </summary>
public static class TextInput
{
    public static DomainError? SingleLine(string field, string? raw, int maxLength, out string value)
    {
        value = (raw ?? string.Empty).Trim();
        if (value.Length == 0)
            return DomainError.Validation($"{field} must not be empty.", field);
        if (value.Length > maxLength)
            return DomainError.Validation($"{field} must be at most {maxLength} characters (got {value.Length}).", field);
        if (value.Any(char.IsControl))
            return DomainError.Validation($"{field} must not contain control characters.", field);
        return HasLoneSurrogate(value) ? InvalidUnicode(field) : null;
    }

    public static DomainError? MultiLine(string field, string? raw, int maxLength, bool allowEmpty, out string value)
    {
        value = (raw ?? string.Empty).Trim();
        if (!allowEmpty && value.Length == 0)
            return DomainError.Validation($"{field} must not be empty.", field);
        if (value.Length > maxLength)
            return DomainError.Validation($"{field} must be at most {maxLength} characters (got {value.Length}).", field);
        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return DomainError.Validation($"{field} must not contain control characters other than line breaks and tabs.", field);
        return HasLoneSurrogate(value) ? InvalidUnicode(field) : null;
    }

    public static DomainError? Email(string field, string? raw, out string value)
    {
        if (SingleLine(field, raw, InputLimits.EmailMaxLength, out value) is { } error)
            return error;
        value = value.ToLowerInvariant();
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0
            && at == value.LastIndexOf('@')
            && value.IndexOf('.', at) > at + 1
            && !value.EndsWith('.')
            && !value.Any(char.IsWhiteSpace);
        return valid ? null : DomainError.Validation($"{field} must be an email address like name@example.com.", field);
    }

    private static DomainError InvalidUnicode(string field) =>
        DomainError.Validation($"{field} must be valid Unicode text (it holds half of a surrogate pair).", field);

    /// <summary>JSON writers would silently replace a lone surrogate, so the stored text would differ.</summary>
    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(value[i]))
                return true;
        }

        return false;
    }
}
