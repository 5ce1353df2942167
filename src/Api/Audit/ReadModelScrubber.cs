using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace TaskForge.Api.Audit;

/// <summary>
/// Replaces a forgotten user's email by their tombstone in every read model row that holds it (membership, feeds and
/// their lookups, notifications, search, of every generation): each text column of the read models' tables, found from
/// PostgreSQL's catalog so a new read model is covered without a change here. Marten's and Wolverine's own tables are
/// left alone (the log is redacted by <see cref="PersonalDataRedactor"/>, the account by <see cref="UserForgetter"/>).
/// </summary>
public sealed partial class ReadModelScrubber(NpgsqlDataSource dataSource, AuditOptions options)
{
    /// <returns>How many rows were changed.</returns>
    public async Task<int> ScrubAsync(string email, string tombstone, CancellationToken cancellationToken)
    {
        var columns = new List<(string Table, string Column)>();
        await using (var command = dataSource.CreateCommand("""
            SELECT c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = $1 AND c.data_type = 'text' AND c.table_name NOT LIKE 'mt\_%' AND c.table_name NOT LIKE 'wolverine%'
            ORDER BY 1, 2
            """))
        {
            command.Parameters.AddWithValue(options.Schema);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        var changed = 0;
        var pattern = RegexSpecials().Replace(email, @"\$0");
        foreach (var (table, column) in columns)
        {
            var sql = new StringBuilder()
                .Append($"UPDATE {options.Schema}.{Quote(table)} SET {Quote(column)} = regexp_replace({Quote(column)}, $1, $2, 'gi') ")
                .Append($"WHERE {Quote(column)} ILIKE $3 ESCAPE '\\'");
            await using var update = dataSource.CreateCommand(sql.ToString());
            update.Parameters.AddWithValue(pattern);
            update.Parameters.AddWithValue(tombstone);
            update.Parameters.AddWithValue("%" + PersonalDataRedactor.LikeEscaped(email) + "%");
            changed += await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return changed;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"[.^$*+?()\[\]{}|\\-]")]
    private static partial Regex RegexSpecials();
}
