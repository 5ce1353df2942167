namespace TaskForge.Realtime.Presence;

/// <summary>Presence in this process only: the embedded default, with no Redis.</summary>
public sealed class InProcessPresenceStore : IPresenceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, PresenceEntry>> _scopes = new(StringComparer.Ordinal);

    public Task AddAsync(string scope, PresenceEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (!_scopes.TryGetValue(scope, out var entries))
                _scopes[scope] = entries = new(StringComparer.Ordinal);
            entries[entry.ConnectionId] = entry;
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string scope, string connectionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_scopes.TryGetValue(scope, out var entries) && entries.Remove(connectionId) && entries.Count == 0)
                _scopes.Remove(scope);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PresenceEntry>> EntriesAsync(string scope, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<PresenceEntry>>(_scopes.TryGetValue(scope, out var entries) ? [.. entries.Values] : []);
    }

    public Task<IReadOnlyList<string>> HeartbeatAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);
}
