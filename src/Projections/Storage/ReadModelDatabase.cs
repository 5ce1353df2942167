using Npgsql;

namespace TaskForge.Projections.Storage;

/// <summary>Where the read models live: the database, the schema of their views, and the event store's schema.</summary>
public sealed record ReadModelDatabase(NpgsqlDataSource DataSource, string Schema, string EventStoreSchema);
