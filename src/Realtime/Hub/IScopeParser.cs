using TaskForge.Realtime.Fanout;

namespace TaskForge.Realtime.Hub;

/// <summary>
/// Turns a client's scope text into a <see cref="Scope"/>. The default reads bare GUIDs (<see cref="Scope.TryParse"/>);
/// a host with other id formats (the API's global ids) registers its own, falling back to the default.
/// </summary>
public interface IScopeParser
{
    Scope? Parse(string text);
}

internal sealed class GuidScopeParser : IScopeParser
{
    public Scope? Parse(string text) => Scope.TryParse(text);
}
