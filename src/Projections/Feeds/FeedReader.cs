using TaskForge.Projections.Access;

namespace TaskForge.Projections.Feeds;

/// <summary>Reads a user's activity feed, newest first, with keyset pagination; only workspaces the user belongs to now.</summary>
public sealed class FeedReader(ReadModelDatabase database)
{
    public const int MaxPageSize = 200;
    private readonly string _schema = database.Schema;

    /// <param name="before">The cursor: entries with a position below it (null: from the newest).</param>
    /// <param name="workspaceId">Only this workspace's entries (null: all of the user's workspaces).</param>
    public async Task<FeedPage> ListAsync(
        Guid userId, int first = 50, long? before = null, Guid? workspaceId = null, CancellationToken cancellationToken = default)
    {
        if (first is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, $"A page holds 1 to {MaxPageSize} entries.");
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT position, workspace_id, actor_id, verb, target_type, target_id, target_title, subject_id, summary, occurred_at
            FROM {_schema}.feed_entries e
            WHERE e.user_id = $1 AND e.position < $2 AND ($3::uuid IS NULL OR e.workspace_id = $3)
              AND {MemberFilter.InMemberWorkspaces(_schema, "e.workspace_id", "$1")}
            ORDER BY e.position DESC
            LIMIT $4
            """, userId, before ?? long.MaxValue, workspaceId, first + 1);
        var entries = new List<FeedEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new FeedEntry(reader.GetInt64(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetString(3),
                reader.GetString(4), reader.GetGuid(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetGuid(7), reader.GetString(8),
                reader.GetFieldValue<DateTimeOffset>(9)));
        }

        var more = entries.Count > first;
        if (more)
        {
            entries.RemoveAt(entries.Count - 1);
        }

        return new FeedPage(entries, more ? entries[^1].Position : null);
    }
}
