using TaskForge.Api.Commands.History;

namespace TaskForge.Api.Commands;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the command path (<see cref="CommandHandler"/>) and the history reader. Needs the event store
    /// (<c>AddTaskForgeStorageAsync</c>) registered.
    /// </summary>
    public static IServiceCollection AddTaskForgeCommands(this IServiceCollection services)
    {
        services.AddSingleton<CommandHandler>();
        services.AddSingleton<HistoryReader>();
        return services;
    }
}
