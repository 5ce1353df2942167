using Npgsql;

namespace TaskForge.Projections.Storage;

/// <summary>Where the read models live: the database and the schema of their views (also Marten's schema).</summary>
public sealed record ReadModelDatabase(NpgsqlDataSource DataSource, string Schema);
