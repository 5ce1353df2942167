using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TaskForge.Integrity.Storage;

namespace TaskForge.Integrity;

/// <summary>Adds the hash chain to a Marten store and its readers to a service collection.</summary>
public static class IntegrityExtensions
{
    /// <summary>Creates (and migrates) the chain's tables with Marten's own, without chaining: what the checker needs.</summary>
    public static StoreOptions AddIntegrityTables(this StoreOptions store, IntegrityOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        store.Storage.ExtendedSchemaObjects.AddRange(new IntegrityTables(options.Schema).SchemaObjects());
        return store;
    }

    /// <summary>
    /// The tables and the chainer: a daemon subscription (named <see cref="IntegrityOptions.SubscriptionName"/>) that
    /// runs wherever the store's async daemon runs, from sequence 0 the first time (the migration of older events).
    /// </summary>
    public static StoreOptions AddIntegrityChain(this StoreOptions store, NpgsqlDataSource dataSource, IntegrityOptions options)
    {
        store.AddIntegrityTables(options);
        store.Events.Subscribe(new IntegrityChainSubscription(dataSource, options));
        return store;
    }

    /// <summary>
    /// Registers <see cref="IntegrityChecker"/>, <see cref="EventRedactor"/>, <see cref="Redactions"/> and
    /// <see cref="ChainHeads"/> as singletons on the container's <see cref="NpgsqlDataSource"/>, and adds the tables (and,
    /// with <paramref name="chain"/>, the chainer) to the container's Marten store.
    /// </summary>
    public static IServiceCollection AddEventIntegrity(this IServiceCollection services, IntegrityOptions options, bool chain)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(sp => new IntegrityChecker(sp.GetRequiredService<NpgsqlDataSource>(), options));
        services.AddSingleton(sp => new EventRedactor(sp.GetRequiredService<NpgsqlDataSource>(), options));
        services.AddSingleton(sp => new Redactions(sp.GetRequiredService<NpgsqlDataSource>(), options));
        services.AddSingleton(sp => new ChainHeads(sp.GetRequiredService<NpgsqlDataSource>(), options));
        services.AddSingleton<IConfigureMarten>(new ConfigureIntegrity(options, chain));
        return services;
    }

    private sealed class ConfigureIntegrity(IntegrityOptions options, bool chain) : IConfigureMarten
    {
        public void Configure(IServiceProvider services, StoreOptions store)
        {
            if (chain)
                store.AddIntegrityChain(services.GetRequiredService<NpgsqlDataSource>(), options);
            else
                store.AddIntegrityTables(options);
        }
    }
}
