using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskForge.Api.Commands;
using TaskForge.Api.Commands.Appending;
using TaskForge.Api.Commands.History;
using TaskForge.Api.Commands.Loading;
using TaskForge.Api.Hosting;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Commands.Support;

/// <summary>A database of its own with the command path composed as the API composes it (Marten and Wolverine), no daemon.</summary>
public sealed class CommandFixture : PostgresDatabaseFixture
{
    private IHost? _host;

    public IHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    public CommandHandler Handler => Host.Services.GetRequiredService<CommandHandler>();

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public HistoryReader History => Host.Services.GetRequiredService<HistoryReader>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _host = await CommandHost.StartAsync(ConnectionString);
    }

    /// <summary>The executor with its appends going through <paramref name="wrap"/> (to interleave writers or break connections).</summary>
    internal ExecutorCommands HandlerWith(Func<IEventAppender, IEventAppender> wrap) =>
        new(Host.Services.GetRequiredService<CommandExecutor>().WithAppender(wrap));

    /// <summary>Folds a stream from the start on a fresh session (what is stored, whatever any cache holds).</summary>
    public async Task<LoadedState<TState>> LoadAsync<TState, TEvent>(string streamId, TState initial, Func<TState, TEvent, TState> evolve, CancellationToken cancellationToken)
        where TEvent : class
    {
        await using var session = Store.QuerySession();
        return await new StreamLoader(session).LoadAsync(streamId, initial, evolve, cancellationToken);
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        await base.DisposeAsync();
    }
}

/// <summary>Starts the command path on a database as the API composes it.</summary>
public static class CommandHost
{
    public static async Task<IHost> StartAsync(string connectionString, Action<IServiceCollection>? configure = null, bool runProjections = false)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var options = new TaskForgeStorageOptions { RunProjections = runProjections, SoloNode = true };
        builder.Services.AddTaskForgeMarten(connectionString, options);
        builder.Services.AddTaskForgeWolverine(options);
        builder.Services.AddTaskForgeCommands();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
