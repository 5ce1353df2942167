using System.Globalization;

namespace TaskForge.Realtime.Fanout;

public enum ScopeKind
{
    Workspace,
    Project,
    Task,
    Me,
}

/// <summary>
/// What a subscription follows: a workspace, a project or a task (by its id; <see cref="WorkspaceId"/> is the workspace
/// it belongs to, resolved before the subscription starts), or <c>me</c>: the user's inbox and invitations to them.
/// </summary>
public sealed record Scope(ScopeKind Kind, Guid Id, Guid? WorkspaceId = null)
{
    public static Scope Me { get; } = new(ScopeKind.Me, Guid.Empty);

    public static Scope Workspace(Guid id) => new(ScopeKind.Workspace, id, id);

    public static Scope Project(Guid id, Guid? workspaceId = null) => new(ScopeKind.Project, id, workspaceId);

    public static Scope Task(Guid id, Guid? workspaceId = null) => new(ScopeKind.Task, id, workspaceId);

    /// <summary>
    /// Parses <c>workspace:&lt;guid&gt;</c>, <c>project:&lt;guid&gt;</c>, <c>task:&lt;guid&gt;</c> or <c>me</c>; null when malformed.
    /// Hosts with other id formats (the API's global ids) decode them first and build the scope themselves.
    /// </summary>
    public static Scope? TryParse(string? text)
    {
        if (string.Equals(text, "me", StringComparison.Ordinal))
            return Me;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || !Guid.TryParse(text.AsSpan(colon + 1), CultureInfo.InvariantCulture, out var id))
            return null;
        return text[..colon] switch
        {
            "workspace" => Workspace(id),
            "project" => Project(id),
            "task" => Task(id),
            _ => null,
        };
    }

    public override string ToString() => Kind == ScopeKind.Me ? "me" : $"{Kind.ToString().ToLowerInvariant()}:{Id}";
}
