using Npgsql;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace TaskForge.Api.Accounts;

/// <summary>
/// Sign-in attempts per email address (ADR 0132), counted before the password is checked: at most
/// <see cref="AuthOptions.LoginAttemptLimit"/> in a window of <see cref="AuthOptions.LoginAttemptWindowSeconds"/> from
/// the first, whatever the client's IP, so guessing one account's password from many addresses is as slow as from one.
/// Parallel attempts each take their own count, so a burst cannot slip past the limit. A successful sign-in clears the
/// count. Unknown addresses are counted the same way, so the limit does not tell which emails have accounts. The table
/// holds a hash of the address, not the address. Rows whose window has ended are swept by the node that counts the first
/// attempt of each new window, so the table holds about one window's worth of addresses however many are tried.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource dataSource, string schema, AuthOptions options, TimeProvider time)
{
    public const string TableName = "tf_login_attempts";

    private readonly string _count = $"""
        INSERT INTO {schema}.{TableName} AS a (email_hash, window_start, attempts) VALUES ($1, $2, 1)
        ON CONFLICT (email_hash) DO UPDATE SET
            window_start = CASE WHEN a.window_start <= $2 - $3 THEN $2 ELSE a.window_start END,
            attempts = CASE WHEN a.window_start <= $2 - $3 THEN 1 ELSE a.attempts + 1 END
        RETURNING attempts, window_start
        """;

    private readonly string _clear = $"DELETE FROM {schema}.{TableName} WHERE email_hash = $1";

    private readonly string _sweep = $"DELETE FROM {schema}.{TableName} WHERE window_start <= $1";

    private long _nextSweepTicks;

    private TimeSpan Window => TimeSpan.FromSeconds(options.LoginAttemptWindowSeconds);

    /// <summary>The table, created and migrated by Marten with its own (Weasel).</summary>
    public static ISchemaObject Table(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("email_hash").AsPrimaryKey();
        table.AddColumn<DateTimeOffset>("window_start").NotNull();
        table.AddColumn<int>("attempts").NotNull();
        return table;
    }

    /// <summary>Counts an attempt for <paramref name="normalizedEmail"/>; returns when it may try again, or null when this attempt is allowed.</summary>
    public async Task<DateTimeOffset?> CountAttemptAsync(string normalizedEmail, CancellationToken ct = default)
    {
        var (attempts, windowStart) = await CountAsync(normalizedEmail, ct);
        await SweepIfDueAsync(ct);
        return attempts > options.LoginAttemptLimit ? windowStart + Window : null;
    }

    private async Task<(int Attempts, DateTimeOffset WindowStart)> CountAsync(string normalizedEmail, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(_count);
        command.Parameters.Add(new NpgsqlParameter { Value = OpaqueToken.Hash(normalizedEmail) });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = Window });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>Once per window on this node: deletes the rows whose window has ended (they would restart at 1 anyway).</summary>
    private async Task SweepIfDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + Window).UtcTicks, due) != due)
            return;
        await using var command = dataSource.CreateCommand(_sweep);
        command.Parameters.Add(new NpgsqlParameter { Value = now - Window });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Forgets the attempts of <paramref name="normalizedEmail"/> (it signed in).</summary>
    public async Task ClearAsync(string normalizedEmail, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(_clear);
        command.Parameters.Add(new NpgsqlParameter { Value = OpaqueToken.Hash(normalizedEmail) });
        await command.ExecuteNonQueryAsync(ct);
    }
}
