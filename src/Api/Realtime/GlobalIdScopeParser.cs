using TaskForge.Api.Schema;
using TaskForge.Realtime.Fanout;
using TaskForge.Realtime.Hub;

namespace TaskForge.Api.Realtime;

/// <summary>
/// Hub scopes with the API's global ids (<c>workspace:&lt;Workspace id&gt;</c>, <c>project:&lt;Project id&gt;</c>,
/// <c>task:&lt;Task id&gt;</c>), as GraphQL returns them, or bare GUIDs. A global id names its workspace, so no lookup is
/// needed; a forged one gains nothing, as each event is authorized by its own workspace.
/// </summary>
public sealed class GlobalIdScopeParser : IScopeParser
{
    public Scope? Parse(string text)
    {
        if (Scope.TryParse(text) is { } scope)
            return scope;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || TryParseGlobalId(text[(colon + 1)..]) is not { } id)
            return null;
        return (text[..colon], id.Kind) switch
        {
            ("workspace", GlobalIdKind.Workspace) => Scope.Workspace(id[0]),
            ("project", GlobalIdKind.Project) => Scope.Project(id[1], id[0]),
            ("task", GlobalIdKind.Task) => Scope.Task(id[2], id[0]),
            _ => null,
        };
    }

    // GlobalId.TryParse throws FormatException on text that is not base64url at all ("1", "not-an-id").
    private static GlobalId? TryParseGlobalId(string text)
    {
        try
        {
            return GlobalId.TryParse(text);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or FormatException)
        {
            return null;
        }
    }
}
