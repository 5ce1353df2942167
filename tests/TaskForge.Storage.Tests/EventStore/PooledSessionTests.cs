using Npgsql;
using TaskForge.Storage.EventStore;
using TaskForge.Testing;

namespace TaskForge.Storage.Tests.EventStore;

/// <summary>
/// A pooled connection is not reset when it comes back (ADR 0118): the next use is the same session, with the startup
/// options and whatever a plain SET left, so code here only uses SET LOCAL and transaction-scoped locks. A connection
/// string that asks for the reset gets it.
/// </summary>
public sealed class PooledSessionTests(MartenStoreFixture fixture) : IClassFixture<MartenStoreFixture>
{
    [Fact]
    public void The_data_source_skips_the_reset_unless_the_connection_string_asks_for_it()
    {
        Assert.True(new NpgsqlConnectionStringBuilder(TaskForgeDataSource.WithSessionOptions(fixture.ConnectionString)).NoResetOnClose);

        var asked = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { NoResetOnClose = false }.ConnectionString;
        Assert.False(new NpgsqlConnectionStringBuilder(TaskForgeDataSource.WithSessionOptions(asked)).NoResetOnClose);
    }

    [Fact]
    public async Task A_reused_connection_is_the_same_session_so_settings_must_be_transaction_local()
    {
        await using var dataSource = TaskForgeDataSource.Create(new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { MaxPoolSize = 1 }.ConnectionString);
        int firstBackend;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            firstBackend = connection.ProcessID;
            await using var set = new NpgsqlCommand("SET work_mem = '7MB'", connection);
            await set.ExecuteNonQueryAsync();
        }

        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var show = new NpgsqlCommand("SELECT current_setting('idle_in_transaction_session_timeout'), current_setting('work_mem'), pg_backend_pid()", connection);
            await using var reader = await show.ExecuteReaderAsync();
            await reader.ReadAsync();

            Assert.Equal(("1min", "7MB", firstBackend), (reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }
    }
}
