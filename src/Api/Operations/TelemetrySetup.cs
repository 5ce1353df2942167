using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TaskForge.Api.Operations;

/// <summary>
/// OpenTelemetry for the host: traces and metrics from ASP.NET Core, HttpClient, the runtime, Npgsql, Marten,
/// Wolverine and the command path; metrics scraped at <c>/metrics</c>; traces, metrics and logs sent by OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the other <c>OTEL_EXPORTER_OTLP_*</c> settings itself).
/// </summary>
internal static class TelemetrySetup
{
    public static WebApplicationBuilder AddTaskForgeTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Read here rather than left to the SDK's environment detector: AddService would override that detector's name.
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : TelemetrySources.DefaultServiceName;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName,
                serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                // Probes and scrapes every few seconds would drown the traces that matter; their metrics still count.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource([.. TelemetrySources.ActivitySources]))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter([.. TelemetrySources.Meters])
                .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithLogging(configureBuilder: null, configureOptions: options =>
            {
                options.IncludeScopes = true;
                options.IncludeFormattedMessage = true;
            });
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
}
