using JasperFx.Events;
using Npgsql;
using TaskForge.Storage.EventStore;
using TaskForge.Testing;

namespace TaskForge.Storage.Tests.EventStore;

/// <summary>
/// Guard: the settings that keep the daemon from skipping a late-committing event (guarantee 3, ADR 0071). Measured
/// with Marten 9.58: with evidence off, or with a SkipStaleGapsDespiteLiveTransactionsAfter cap, a late event was lost.
/// Change one of these only with a new measurement and a new ADR.
/// </summary>
public sealed class GapSafetyGuardTests(MartenStoreFixture fixture) : IClassFixture<MartenStoreFixture>
{
    [Fact]
    public void The_store_waits_for_live_transactions_instead_of_skipping_their_gaps()
    {
        var options = fixture.Store.Options;

        Assert.True(options.Projections.UseTransactionEvidenceForGapSkipping);
        Assert.Null(options.Projections.SkipStaleGapsDespiteLiveTransactionsAfter);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Projections.StaleSequenceThreshold);
    }

    [Fact]
    public void Event_ids_are_unique_and_streams_are_named()
    {
        var events = fixture.Store.Options.Events;

        Assert.True(events.EnableUniqueIndexOnEventId);
        Assert.Equal(StreamIdentity.AsString, events.StreamIdentity);
        Assert.False(events.UseListenNotifyForEventAppends, "a NOTIFY inside every append serializes commits (ADR 0073)");
    }

    [Fact]
    public async Task Sessions_idle_in_a_transaction_are_ended_by_the_server_after_a_minute()
    {
        await using var connection = await fixture.MartenDataSource.OpenConnectionAsync();
        await using var show = new NpgsqlCommand("SHOW idle_in_transaction_session_timeout", connection);

        Assert.Equal("1min", await show.ExecuteScalarAsync());
        Assert.Equal(TimeSpan.FromSeconds(60), GapSafety.IdleInTransactionSessionTimeout);
    }

    [Fact]
    public async Task A_connection_string_with_options_of_its_own_keeps_them_and_gets_the_timeout_too()
    {
        var withOptions = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Options = "-c statement_timeout=5000" }.ConnectionString;
        await using var dataSource = TaskForgeDataSource.Create(withOptions);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var show = new NpgsqlCommand("SELECT current_setting('statement_timeout'), current_setting('idle_in_transaction_session_timeout')", connection);
        await using var reader = await show.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal(("5s", "1min"), (reader.GetString(0), reader.GetString(1)));
    }
}
