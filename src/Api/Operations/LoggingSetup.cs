using System.Text.Json;
using Microsoft.Extensions.Logging.Console;
using TaskForge.Api.Hosting;

namespace TaskForge.Api.Operations;

/// <summary>
/// Console logs (ADR 0082): one JSON object per line (<c>Logging:Format</c> = <c>json</c>, the default outside
/// Development) or one text line per entry (<c>text</c>, the default in Development). Both carry the scopes, so every
/// line of a request names its TraceId, SpanId and CorrelationId.
/// </summary>
internal static class LoggingSetup
{
    public const string FormatSetting = "Logging:Format";

    public static WebApplicationBuilder AddTaskForgeLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration[FormatSetting] switch
        {
            null or "" => !builder.Environment.IsDevelopment(),
            var format when format.Equals("json", StringComparison.OrdinalIgnoreCase) => true,
            var format when format.Equals("text", StringComparison.OrdinalIgnoreCase) => false,
            var format => throw new ConfigurationError($"{FormatSetting} is '{format}': use json or text."),
        };

        if (json)
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "HH:mm:ss.fff ";
                options.ColorBehavior = LoggerColorBehavior.Default;
            });
        }

        // The host's default, said explicitly: each line of a request carries the W3C trace id of its activity.
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        return builder;
    }
}
