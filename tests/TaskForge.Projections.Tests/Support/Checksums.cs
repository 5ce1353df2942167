using Npgsql;
using TaskForge.Projections.Events;
using TaskForge.Projections.Runtime;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Row-for-row fingerprints of read models: each table's row count and an md5 over every row, in a canonical order.</summary>
public static class Checksums
{
    public static async Task<Dictionary<string, string>> OfAsync(NpgsqlDataSource dataSource, string schema, IEnumerable<DomainProjection> projections)
    {
        var sums = new Dictionary<string, string>();
        foreach (var projection in projections)
        {
            var tables = new ProjectionTables(schema, projection.Version);
            foreach (var table in projection.Tables)
            {
                await using var command = dataSource.CreateCommand(
                    $"SELECT count(*)::text || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM {tables[table]} r");
                sums[table] = (string)(await command.ExecuteScalarAsync())!;
            }
        }

        return sums;
    }

    /// <summary>The number of rows in one read-model table.</summary>
    public static int RowsOf(Dictionary<string, string> sums, string table) => int.Parse(sums[table].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
}
