namespace TaskForge.EventStore.Schema;

/// <summary>One versioned schema change. <c>{schema}</c> in the SQL is replaced by the configured schema name.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>The ordered migrations of one module (the event store, a projection, the API), recorded per module.</summary>
public sealed record MigrationSet(string Module, IReadOnlyList<Migration> Migrations);
