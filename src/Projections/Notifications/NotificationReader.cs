using Npgsql;
using TaskForge.Projections.Access;

namespace TaskForge.Projections.Notifications;

/// <summary>
/// Reads a user's notifications: those of workspaces they belong to now, and invitations (addressed to them from outside).
/// </summary>
public sealed class NotificationReader(ReadModelDatabase database)
{
    public const int MaxPageSize = 200;
    private readonly string _schema = database.Schema;

    private string Visible => $"(n.kind = '{NotificationKinds.Invited}' OR {MemberFilter.InMemberWorkspaces(_schema, "n.workspace_id", "$1")})";

    public async Task<NotificationPage> ListAsync(
        Guid userId, int first = 50, long? before = null, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        if (first is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, $"A page holds 1 to {MaxPageSize} notifications.");
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var list = new List<Notification>();
        await using (var command = Sql.Command(connection, null, $"""
            SELECT position, workspace_id, kind, actor_id, target_type, target_id, target_title, summary, occurred_at, read
            FROM {_schema}.notifications n
            WHERE n.user_id = $1 AND n.position < $2 AND (NOT $3 OR NOT n.read) AND {Visible}
            ORDER BY n.position DESC LIMIT $4
            """, userId, before ?? long.MaxValue, unreadOnly, first + 1))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(new Notification(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetGuid(3),
                    reader.GetString(4), reader.GetGuid(5), reader.GetString(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8),
                    reader.GetBoolean(9)));
            }
        }

        var more = list.Count > first;
        if (more)
        {
            list.RemoveAt(list.Count - 1);
        }

        return new NotificationPage(list, await UnreadCountAsync(connection, userId, cancellationToken), more ? list[^1].Position : null);
    }

    public async Task<long> UnreadCountAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await UnreadCountAsync(connection, userId, cancellationToken);
    }

    private Task<long> UnreadCountAsync(NpgsqlConnection connection, Guid userId, CancellationToken cancellationToken) =>
        Sql.ScalarAsync<long>(connection, null, $"SELECT count(*) FROM {_schema}.notifications n WHERE n.user_id = $1 AND NOT n.read AND {Visible}",
            cancellationToken, userId);
}
