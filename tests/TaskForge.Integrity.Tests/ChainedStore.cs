using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using TaskForge.Storage.Events;
using TaskForge.Testing;

namespace TaskForge.Integrity.Tests;

/// <summary>
/// A TaskForge event store in its own schema of the class's database, with the chain's tables, and the chainer run by
/// a Marten daemon when started. Each test gets one, so tampering in one test leaves the others' logs alone.
/// </summary>
internal sealed class ChainedStore : IAsyncDisposable
{
    public static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    public static readonly Guid[] Workspaces = [Guid.Parse("11111111-1111-1111-1111-111111111111"), Guid.Parse("22222222-2222-2222-2222-222222222222")];

    private readonly MartenStoreFixture _fixture;
    private IProjectionDaemon? _daemon;

    private ChainedStore(MartenStoreFixture fixture, string schema)
    {
        _fixture = fixture;
        Schema = schema;
        Options = new IntegrityOptions { Schema = schema, ChainKeyHeader = EventHeaders.WorkspaceId, SigningKey = Key, BatchSize = 100 };
        Store = fixture.CreateStore(o =>
        {
            o.DatabaseSchemaName = schema;
            o.Events.DatabaseSchemaName = schema;
            o.AddIntegrityChain(fixture.MartenDataSource, Options);
        });
        Checker = new IntegrityChecker(fixture.MartenDataSource, Options);
        Redactor = new EventRedactor(fixture.MartenDataSource, Options);
        Redactions = new Redactions(fixture.MartenDataSource, Options);
        Heads = new ChainHeads(fixture.MartenDataSource, Options);
    }

    public string Schema { get; }
    public IntegrityOptions Options { get; }
    public DocumentStore Store { get; }
    public IntegrityChecker Checker { get; }
    public EventRedactor Redactor { get; }
    public Redactions Redactions { get; }
    public ChainHeads Heads { get; }
    public NpgsqlDataSource DataSource => _fixture.MartenDataSource;

    public static async Task<ChainedStore> CreateAsync(MartenStoreFixture fixture)
    {
        var store = new ChainedStore(fixture, "s_" + Guid.NewGuid().ToString("N")[..12]);
        await store.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return store;
    }

    public async Task StartChainerAsync()
    {
        _daemon = await Store.BuildProjectionDaemonAsync();
        await _daemon.StartAllAsync();
    }

    public async Task StopChainerAsync()
    {
        if (_daemon is null)
            return;
        await _daemon.StopAllAsync();
        _daemon.Dispose();
        _daemon = null;
    }

    /// <summary>Waits until every event in the log has its link (by the chain table, never by sleeping a guess).</summary>
    public async Task WaitChainedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var last = await ScalarAsync($"SELECT coalesce(max(seq_id), 0) FROM {Schema}.mt_events");
        while (await ScalarAsync($"SELECT coalesce(max(seq), 0) FROM {Schema}.mt_integrity_links") < last)
            await Task.Delay(20, timeout.Token);
    }

    /// <summary>Appends <paramref name="count"/> events over <paramref name="streams"/> streams, spread over both workspaces and no workspace.</summary>
    public async Task<List<Appended>> AppendAsync(int count, int streams = 5, int seed = 1)
    {
        var random = new Random(seed);
        var appended = new List<Appended>();
        var done = 0;
        while (done < count)
        {
            var stream = random.Next(streams);
            var workspace = stream % 3 == 2 ? (Guid?)null : Workspaces[stream % 3];
            var n = Math.Min(count - done, 1 + random.Next(4));
            await using var session = Store.LightweightSession();
            var events = Enumerable.Range(0, n)
                .Select(i => EventEnvelope.Wrap(new Noted(done + i, $"note {done + i}", "ann@example.com")).Stamp(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow))
                .ToArray();
            session.Events.Append($"{Schema}-stream-{stream}", events);
            await session.SaveChangesAsync();
            appended.AddRange(events.Select(e => new Appended(e.Sequence, $"{Schema}-stream-{stream}", workspace?.ToString())));
            done += n;
        }

        return appended;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopChainerAsync();
        Store.Dispose();
    }

    public sealed record Noted(int Index, string Text, string Email);

    public sealed record Appended(long Sequence, string StreamId, string? Workspace);
}
