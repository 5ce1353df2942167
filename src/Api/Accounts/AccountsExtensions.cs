using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;

namespace TaskForge.Api.Accounts;

public static class AccountsExtensions
{
    /// <summary>The key of the <see cref="TimeProvider"/> accounts read (tests replace it without moving anyone else's clock).</summary>
    public const string ClockKey = "accounts";

    /// <summary>The policy scheme: <c>ApiKey</c> when the request has an <c>X-API-Key</c> header, else JwtBearer.</summary>
    public const string Scheme = "TaskForge";

    // X-Requested-With and X-SignalR-User-Agent: @microsoft/signalr sends them from a browser with negotiate and long polling.
    private static readonly string[] CorsHeaders = ["Authorization", "Content-Type", "X-API-Key", "X-Min-Event-Id", "Idempotency-Key", "X-Requested-With", "X-SignalR-User-Agent"];

    /// <summary>
    /// Accounts (Marten documents), JWT and API-key authentication behind one policy scheme, authorization, CORS
    /// (<c>Cors:Origins</c>), the global rate limiter (<c>RateLimits</c>, Redis-backed with <c>ConnectionStrings:Redis</c>)
    /// and the request body limit (<c>Limits:MaxRequestBodyBytes</c>). Call after the storage is added.
    /// </summary>
    public static WebApplicationBuilder AddTaskForgeAccounts(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<AuthOptions>(builder.Configuration.GetSection("Auth"));
        services.TryAddKeyedSingleton(ClockKey, TimeProvider.System);
        services.AddSingleton(JwtSigningKey.Resolve(builder.Configuration));
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<AccountService>();
        services.ConfigureMarten(store =>
        {
            store.Schema.For<UserAccount>().UniqueIndex(u => u.Email);
            store.Schema.For<ApiKeyRecord>().UniqueIndex(k => k.Prefix).Index(k => k.UserId);
            store.Schema.For<RefreshTokenRecord>();
            store.Schema.For<RefreshTokenFamily>().Index(f => f.UserId);
            store.Storage.ExtendedSchemaObjects.Add(LoginThrottle.Table(store.DatabaseSchemaName));
        });
        services.AddSingleton(sp => new LoginThrottle(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<IDocumentStore>().Options.DatabaseSchemaName,
            sp.GetRequiredService<IOptions<AuthOptions>>().Value,
            sp.GetRequiredKeyedService<TimeProvider>(ClockKey)));

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "JWT bearer or API key", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TokenIssuer>((jwt, issuer) =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(new JsonWebTokenHandler { MapInboundClaims = false, MaximumTokenSizeInBytes = TokenIssuer.MaximumTokenBytes });
            jwt.TokenValidationParameters = issuer.ValidationParameters();
            jwt.Events = AccessTokenEvents.Create();
        });
        services.AddAuthorization();

        var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        if (origins.Length > 0)
        {
            services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins(origins).AllowCredentials()
                .WithHeaders(CorsHeaders).WithMethods("GET", "POST", "OPTIONS").WithExposedHeaders("Retry-After", "WWW-Authenticate")));
        }

        builder.AddTaskForgeRateLimiting();
        var maxBody = builder.Configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? 1024 * 1024;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);
        return builder;
    }

    /// <summary>CORS, authentication, rate limiting, the refusal of bad credentials and authorization, in that order; and <c>GET /auth/me</c>.</summary>
    public static WebApplication UseTaskForgeAccounts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if ((app.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? []).Length > 0)
            app.UseCors();
        app.UseAuthentication();
        // After the limiter, so that guessing tokens or keys is rate limited (per IP) like any other request.
        app.UseRateLimiter();
        app.UseMiddleware<InvalidCredentialsMiddleware>();
        app.UseAuthorization();
        app.MapAuthEndpoints();
        return app;
    }
}
