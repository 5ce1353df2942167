using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace TaskForge.Api.Operations;

/// <summary>
/// Ready once the migrations ran: Marten's event tables, the read models' version table and Wolverine's envelope
/// tables exist in the schema (a catalog look-up, far cheaper than comparing the whole schema with Marten's).
/// </summary>
internal sealed class SchemaHealthCheck(NpgsqlDataSource dataSource, SchemaHealthCheck.Settings settings) : IHealthCheck
{
    public sealed record Settings(string Schema);

    public static IReadOnlyList<string> Tables { get; } =
        ["mt_events", "mt_streams", "mt_event_progression", "projection_versions", "wolverine_incoming_envelopes", "wolverine_outgoing_envelopes"];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand(
                "SELECT coalesce(array_agg(t ORDER BY t), '{}') FROM unnest($1::text[]) AS t WHERE to_regclass(quote_ident($2) || '.' || quote_ident(t)) IS NULL");
            command.Parameters.Add(new NpgsqlParameter { Value = Tables.ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = settings.Schema });
            var missing = (string[])(await command.ExecuteScalarAsync(cancellationToken))!;
            return missing.Length == 0
                ? HealthCheckResult.Healthy($"Marten's, Wolverine's and the read models' tables exist in schema {settings.Schema}")
                : HealthCheckResult.Unhealthy($"missing in schema {settings.Schema}: {string.Join(", ", missing)}");
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("cannot read the schema: PostgreSQL is unreachable", e);
        }
    }
}
