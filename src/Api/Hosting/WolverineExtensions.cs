using TaskForge.Api.Commands.Messaging;
using Wolverine;

namespace TaskForge.Api.Hosting;

public static class WolverineExtensions
{
    /// <summary>
    /// Wolverine as the command and messaging layer: every domain command through <see cref="ExecuteCommandHandler"/>
    /// (invoked in process), and <see cref="CommandCommitted"/> through the Marten outbox to a durable local queue.
    /// </summary>
    public static IServiceCollection AddTaskForgeWolverine(this IServiceCollection services, TaskForgeStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddWolverine(ExtensionDiscovery.ManualOnly, wolverine =>
        {
            // Core Wolverine ships no Roslyn code generator any more: handlers are compiled at start-up (ADR 0070).
            wolverine.UseRuntimeCompilation();

            // Handlers are listed, not scanned: the API's assembly holds more than handlers.
            wolverine.Discovery.DisableConventionalDiscovery();
            wolverine.Discovery.IncludeType(typeof(ExecuteCommandHandler));
            wolverine.Discovery.IncludeType(typeof(CommandCommittedHandler));

            // Side effects of a commit wait in the outbox table until delivered, across crashes (guarantee 8).
            wolverine.PublishMessage<CommandCommitted>().ToLocalQueue("committed").UseDurableInbox();

            // The envelope tables exist before the host serves, not on the durability agent's first pass.
            wolverine.AutoBuildMessageStorageOnStartup = JasperFx.AutoCreate.CreateOrUpdate;

            if (options.SoloNode)
                wolverine.Durability.Mode = DurabilityMode.Solo;
        });
        return services;
    }
}
