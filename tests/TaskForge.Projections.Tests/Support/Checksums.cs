using Npgsql;
using TaskForge.Projections.Daemon;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Row-for-row fingerprints of read models: the count and an md5 over every row, in a canonical order.</summary>
public static class Checksums
{
    public static async Task<Dictionary<string, string>> OfAsync(NpgsqlDataSource dataSource, string schema, IEnumerable<IProjection> projections)
    {
        var sums = new Dictionary<string, string>();
        foreach (var table in projections.SelectMany(p => p.Tables))
        {
            await using var command = dataSource.CreateCommand(
                $"SELECT count(*)::text || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM {schema}.{table} r");
            sums[table] = (string)(await command.ExecuteScalarAsync())!;
        }

        return sums;
    }
}
