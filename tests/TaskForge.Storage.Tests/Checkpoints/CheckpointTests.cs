using TaskForge.Testing;

namespace TaskForge.EventStore.Tests.Checkpoints;

public sealed class CheckpointTests(EventStoreFixture fixture) : IClassFixture<EventStoreFixture>
{
    [Fact]
    public async Task A_checkpoint_moves_only_from_the_value_the_writer_expected()
    {
        var checkpoints = fixture.Store.Checkpoints;
        var name = "sub-" + Guid.NewGuid().ToString("N");

        Assert.Null(await checkpoints.LoadAsync(name));
        Assert.True(await checkpoints.TryStoreAsync(name, null, 10));
        Assert.False(await checkpoints.TryStoreAsync(name, null, 99));
        Assert.False(await checkpoints.TryStoreAsync(name, 5, 20));
        Assert.True(await checkpoints.TryStoreAsync(name, 10, 20));

        Assert.Equal(20, await checkpoints.LoadAsync(name));
    }

    [Fact]
    public async Task A_checkpoint_stored_in_a_rolled_back_transaction_is_not_kept()
    {
        var checkpoints = fixture.Store.Checkpoints;
        var name = "sub-" + Guid.NewGuid().ToString("N");
        await checkpoints.TryStoreAsync(name, null, 1);
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.True(await checkpoints.TryStoreAsync(connection, transaction, name, 1, 2));
            Assert.Equal(2, await checkpoints.LoadAsync(connection, transaction, name));
            await transaction.RollbackAsync();
        }

        Assert.Equal(1, await checkpoints.LoadAsync(name));
    }
}
