using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace TaskForge.Realtime.Presence;

/// <summary>
/// Presence shared by every node through Redis (ADR 0100): one sorted set per scope, <c>taskforge:presence:{scope}</c>,
/// whose members are this node's connections' entries (JSON) scored by when they expire. Each node's heartbeat pushes its
/// own entries' expiry forward; a node that dies stops doing so, and its entries fall out of every read once expired.
/// </summary>
public sealed class RedisPresenceStore(IConnectionMultiplexer redis, IOptions<RealtimeOptions> options, TimeProvider clock) : IPresenceStore
{
    private const string KeyPrefix = "taskforge:presence:";

    // This node's entries: (scope, connection) -> the member string in Redis, to refresh and remove them.
    private readonly ConcurrentDictionary<(string Scope, string ConnectionId), string> _local = new();

    private IDatabase Database => redis.GetDatabase();

    private TimeSpan Ttl => options.Value.PresenceTtl;

    public async Task AddAsync(string scope, PresenceEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var member = JsonSerializer.Serialize(entry);
        _local[(scope, entry.ConnectionId)] = member;
        var key = Key(scope);
        await Database.SortedSetAddAsync(key, member, ExpiresAt());
        await Database.KeyExpireAsync(key, Ttl * 4);
    }

    public async Task RemoveAsync(string scope, string connectionId, CancellationToken cancellationToken)
    {
        if (_local.TryRemove((scope, connectionId), out var member))
            await Database.SortedSetRemoveAsync(Key(scope), member);
    }

    public async Task<IReadOnlyList<PresenceEntry>> EntriesAsync(string scope, CancellationToken cancellationToken)
    {
        var members = await Database.SortedSetRangeByScoreAsync(Key(scope), Now(), double.PositiveInfinity);
        return [.. members.Select(m => JsonSerializer.Deserialize<PresenceEntry>(m.ToString())!)];
    }

    public async Task<IReadOnlyList<string>> HeartbeatAsync(CancellationToken cancellationToken)
    {
        var database = Database;
        var expiresAt = ExpiresAt();
        var changed = new List<string>();
        foreach (var group in _local.ToArray().GroupBy(p => p.Key.Scope, StringComparer.Ordinal))
        {
            var key = Key(group.Key);
            await database.SortedSetAddAsync(key, [.. group.Select(p => new SortedSetEntry(p.Value, expiresAt))]);
            await database.KeyExpireAsync(key, Ttl * 4);
            // A connection that left while its entry was being refreshed is taken out again.
            foreach (var (local, member) in group.Where(p => !_local.ContainsKey(p.Key)))
                await database.SortedSetRemoveAsync(key, member);
            if (await database.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, Now(), Exclude.Stop) > 0)
                changed.Add(group.Key);
        }

        return changed;
    }

    private static RedisKey Key(string scope) => KeyPrefix + scope;

    private double Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private double ExpiresAt() => (clock.GetUtcNow() + Ttl).ToUnixTimeMilliseconds();
}
