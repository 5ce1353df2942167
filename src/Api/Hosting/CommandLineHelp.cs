namespace TaskForge.Api.Hosting;

/// <summary>
/// <c>--help</c> (or <c>-h</c>, <c>-?</c>): prints how to run the host, its switches, the settings an operator sets first and
/// its endpoints, then exits 0 without starting anything (no database, no port).
/// </summary>
public static class CommandLineHelp
{
    private static readonly string[] Switches = ["--help", "-h", "-?", "/?"];

    public static bool IsAsked(IEnumerable<string> args) => args.Any(a => Switches.Contains(a, StringComparer.OrdinalIgnoreCase));

    public static void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write("""
            TaskForge API: event-sourced task boards over GraphQL, with realtime updates.

            Usage:
              dotnet run --project src/Api [-- <switches and settings>]
              dotnet TaskForge.Api.dll [<switches and settings>]

            Switches:
              --demo                       seed a demo workspace once (three people, a board) and print how to sign in
              --verify-integrity           check the event log's hash chain instead of serving; exit 0 intact, 3 broken, 2 usage
                  [--workspace <id> | --stream <id>]   only that workspace's chain, or one stream
              --urls <url>[;<url>...]      where to listen (ASP.NET Core's --urls, e.g. http://127.0.0.1:5080)
              --help, -h                   this text

            Settings (appsettings.json, environment variables with __ for :, or --Key=value on this command line):
              ConnectionStrings:TaskForge  PostgreSQL to use; without it an embedded cluster is started under
                                           TaskForge:DataDirectory (.taskforge) and stopped with the API
              ConnectionStrings:Redis      shared rate limits, SignalR backplane and presence across nodes
              Auth:SigningKey              base64 JWT key (32+ bytes), the same on every node; generated when absent
              Cors:Origins:0, :1, ...      browser origins allowed to call the API and open the hub
              TaskForge:RunProjections     false on serve-only nodes (the daemon runs on one node at a time)
              GraphQL:Introspection, GraphQL:GraphiQL   on with the embedded database or in Development, else off
              OTEL_EXPORTER_OTLP_ENDPOINT  export traces, metrics and logs by OTLP

            Endpoints:
              POST/GET /graphql            the GraphQL API (GraphiQL in a browser when enabled; WebSocket and SSE subscriptions)
              /hubs/events                 the SignalR hub: live events, resume from an event id, presence
              GET /health/live, /health/ready, /metrics   liveness, readiness (database, schema, projections, Redis), Prometheus
              GET /audit/workspaces/{id}/export           an auditor's export (NDJSON or CSV)

            Every setting, with its default: README.md, "Configuration".

            """);
    }
}
