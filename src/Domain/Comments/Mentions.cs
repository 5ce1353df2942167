using TaskForge.Domain.Workspaces;

namespace TaskForge.Domain.Comments;

/// <summary>
/// A mention is '@' followed by a member's email address: "thanks @ana@example.com!" (ADR 0043).
/// Emails of no member resolve to nothing, so a comment cannot reach or reveal people outside the
/// workspace. The scan is linear in the body's length.
/// </summary>
public static class Mentions
{
    public static IReadOnlyList<string> Emails(string? body)
    {
        var text = body ?? string.Empty;
        var emails = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '@' || (i > 0 && IsEmailChar(text[i - 1])))
                continue;
            var end = i + 1;
            while (end < text.Length && IsEmailChar(text[end]))
                end++;
            var candidate = text[(i + 1)..end].TrimEnd('.', '-').ToLowerInvariant();
            if (IsEmail(candidate) && !emails.Contains(candidate))
                emails.Add(candidate);
            i = end - 1;
        }

        return emails;
    }

    public static IReadOnlyList<Guid> Resolve(string? body, WorkspaceState.Active workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return [.. Emails(body).Select(workspace.MemberByEmail).OfType<WorkspaceMember>().Select(m => m.UserId).Distinct()];
    }

    private static bool IsEmailChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '@';

    private static bool IsEmail(string candidate)
    {
        var at = candidate.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != candidate.LastIndexOf('@'))
            return false;
        var labels = candidate[(at + 1)..].Split('.');
        return labels.Length >= 2 && labels.All(label => label.Length > 0);
    }
}
