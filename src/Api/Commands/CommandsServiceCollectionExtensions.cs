using TaskForge.Api.Commands.History;
using TaskForge.Api.Commands.Loading;

namespace TaskForge.Api.Commands;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the command path (<see cref="CommandHandler"/>), its cache of long streams' states and the history
    /// reader. Needs the event store (<c>AddTaskForgeStorageAsync</c>) registered.
    /// </summary>
    public static IServiceCollection AddTaskForgeCommands(this IServiceCollection services)
    {
        services.AddSingleton(_ => new StateCache());
        services.AddSingleton(provider => new CommandHandler(
            provider.GetRequiredService<EventStore.PostgresEventStore>(),
            provider.GetRequiredService<StateCache>(),
            provider.GetService<ILogger<CommandHandler>>()));
        services.AddSingleton<HistoryReader>();
        return services;
    }
}
