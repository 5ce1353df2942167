using Marten;
using TaskForge.Api.Commands.Appending;
using TaskForge.Api.Commands.History;
using TaskForge.Api.Commands.Loading;

namespace TaskForge.Api.Commands;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the command path: <see cref="CommandHandler"/> (through Wolverine), its <see cref="CommandExecutor"/>,
    /// the cache of long streams' states and the history reader. Needs Marten and Wolverine registered.
    /// </summary>
    public static IServiceCollection AddTaskForgeCommands(this IServiceCollection services)
    {
        services.AddSingleton(_ => new StateCache());
        services.ConfigureMarten(options =>
        {
            options.Storage.ExtendedSchemaObjects.Add(StreamVersionCheck.SchemaObject(options.Events.DatabaseSchemaName));
            options.Storage.ExtendedSchemaObjects.Add(StreamClaim.SchemaObject(options.Events.DatabaseSchemaName));
        });
        services.AddSingleton<CommandExecutor>();
        services.AddSingleton<CommandHandler>();
        services.AddSingleton<Audit.AuditAuthorizer>();
        services.AddSingleton<HistoryReader>();
        return services;
    }
}
