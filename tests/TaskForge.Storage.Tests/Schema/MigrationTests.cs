using Npgsql;
using TaskForge.EventStore.Schema;
using TaskForge.Testing;

namespace TaskForge.EventStore.Tests.Schema;

public sealed class MigrationTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Migrations_raced_by_many_nodes_apply_once_and_rerunning_applies_nothing()
    {
        var schema = "race_" + Guid.NewGuid().ToString("N")[..8];
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Migrator.ApplyAsync(fixture.DataSource, schema, [EventStoreMigrations.Set])));

        Assert.Single(results, r => r.Count > 0);
        Assert.Equal(EventStoreMigrations.Set.Migrations.Count, results.Sum(r => r.Count));
        Assert.Empty(await Migrator.ApplyAsync(fixture.DataSource, schema, [EventStoreMigrations.Set]));
        await using var count = fixture.DataSource.CreateCommand($"SELECT count(*) FROM {schema}.schema_migrations");
        Assert.Equal((long)EventStoreMigrations.Set.Migrations.Count, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_new_migration_of_a_module_applies_on_top_and_a_failing_one_leaves_nothing_behind()
    {
        var schema = "up_" + Guid.NewGuid().ToString("N")[..8];
        var v1 = new MigrationSet("extra", [new Migration(1, "a", "CREATE TABLE {schema}.a (id int)")]);
        await Migrator.ApplyAsync(fixture.DataSource, schema, [v1]);
        var v2 = new MigrationSet("extra", [.. v1.Migrations, new Migration(2, "b", "CREATE TABLE {schema}.b (id int)")]);
        Assert.Equal(["extra:2:b"], await Migrator.ApplyAsync(fixture.DataSource, schema, [v2]));

        var broken = new MigrationSet("extra", [.. v2.Migrations, new Migration(3, "c", "CREATE TABLE {schema}.c (id int); SELECT 1/0")]);
        await Assert.ThrowsAsync<PostgresException>(() => Migrator.ApplyAsync(fixture.DataSource, schema, [broken]));
        await using var exists = fixture.DataSource.CreateCommand($"SELECT to_regclass('{schema}.c') IS NULL");
        Assert.Equal(true, await exists.ExecuteScalarAsync());
    }

    [Fact]
    public void Unsafe_schema_names_are_refused() =>
        Assert.Throws<ArgumentException>(() => SchemaName.Validate("x; DROP TABLE y"));
}
