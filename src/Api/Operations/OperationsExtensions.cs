namespace TaskForge.Api.Operations;

/// <summary>The API host's operations: telemetry, logs, correlation, health, metrics and GraphiQL.</summary>
public static class OperationsExtensions
{
    /// <summary>
    /// Registers OpenTelemetry (traces and metrics; OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), the console
    /// log format (<c>Logging:Format</c>), the readiness checks and GraphiQL's settings.
    /// </summary>
    public static WebApplicationBuilder AddTaskForgeOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddTaskForgeLogging();
        builder.AddTaskForgeTelemetry();
        builder.AddTaskForgeReadiness();
        builder.AddTaskForgeForwardedHeaders();
        return builder;
    }

    /// <summary>
    /// Adds the correlation id to every request (and its log lines), the optional one-line request log, GraphiQL at
    /// GET /graphql for browsers, <c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c>. Call it first after
    /// <c>Build()</c>: the middleware it adds must run before authentication and the GraphQL endpoint.
    /// </summary>
    public static WebApplication MapTaskForgeOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseTaskForgeForwardedHeaders();
        app.UseMiddleware<CorrelationMiddleware>();
        if (app.Configuration.GetValue<bool>(RequestLogMiddleware.SettingName))
            app.UseMiddleware<RequestLogMiddleware>();
        app.UseTaskForgeGraphiQL();
        app.MapTaskForgeHealth();
        app.MapPrometheusScrapingEndpoint();
        return app;
    }
}
