using Marten;
using TaskForge.Api.Hosting;
using TaskForge.GraphQL.Types;

namespace TaskForge.Api.Audit;

/// <summary>The auditors' feature: the audit log, time travel, diffs, the export, the access log, forgetting and the integrity check.</summary>
public static class AuditExtensions
{
    /// <summary>Registers the readers and services of the feature (section <c>Audit</c>) and the access log's Marten documents.</summary>
    public static WebApplicationBuilder AddTaskForgeAudit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new AuditOptions
        {
            Schema = builder.Configuration["TaskForge:Schema"] ?? "taskforge",
            ExportPageSize = builder.Configuration.GetValue("Audit:ExportPageSize", 5000),
        };
        if (options.ExportPageSize < 1)
            throw new ConfigurationError($"Audit:ExportPageSize must be at least 1 (got {options.ExportPageSize}).");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<AuditLogReader>();
        builder.Services.AddSingleton<AuditAccessLog>();
        builder.Services.AddSingleton<StateHistory>();
        builder.Services.AddSingleton<ReadModelScrubber>();
        builder.Services.AddSingleton(sp => new PersonalDataRedactor(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), options,
            sp.GetRequiredService<TimeProvider>(), sp.GetService<Integrity.EventRedactor>()));
        builder.Services.AddSingleton<UserForgetter>();
        builder.Services.ConfigureMarten(store =>
        {
            store.Schema.For<AuditAccessRecord>().Index(r => r.WorkspaceId).Index(r => r.At);
            store.Schema.For<ForgottenUser>();
        });
        return builder;
    }

    /// <summary>Maps the export endpoint (<see cref="AuditExportEndpoint.Route"/>).</summary>
    public static WebApplication MapTaskForgeAudit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapAuditExport();
        return app;
    }

    /// <summary>Binds the feature's SDL (Audit.graphql).</summary>
    public static SchemaBuilder BindAudit(this SchemaBuilder schema, IServiceProvider services) => schema
        .BindAuditLog(services)
        .BindTimeTravel(services)
        .BindAuditAccess(services)
        .BindIntegrity()
        .BindForgetMe(services);
}
