using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.GraphQL.Support;

/// <summary>The whole TaskForge host on this class's database, projections running, for end-to-end tests over HTTP.</summary>
public class ApiHostFixture : PostgresDatabaseFixture
{
    private WebApplicationFactory<Program>? _factory;

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Settings a derived fixture adds (limits, rate limits).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Whether the host listens on a real TCP port (Kestrel, a free port), for clients in another process.</summary>
    protected virtual bool ListensOnRealPort => false;

    /// <summary>The HS256 key the host signs access tokens with, to mint tokens outside the server.</summary>
    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(64);

    /// <summary>http://127.0.0.1:port/graphql when <see cref="ListensOnRealPort"/>; else null.</summary>
    public Uri? GraphQLUri { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var key = Convert.ToBase64String(SigningKey);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:TaskForge", ConnectionString);
            host.UseSetting("TaskForge:SoloNode", "true");
            host.UseSetting("Auth:SigningKey", key);
            host.UseSetting("GraphQL:Introspection", "true");
            // A loaded CI machine runs many hosts at once: read-your-writes may wait longer than the production default.
            host.UseSetting("GraphQL:ReadYourWritesTimeout", "00:00:30");
            // Rate limits have their own tests; here bursts (the HTTP audit, the fuzzer) must not be refused.
            host.UseSetting("RateLimits:PermitsPerMinute", "100000");
            host.UseSetting("RateLimits:Burst", "100000");
            host.UseSetting("RateLimits:AnonymousPermitsPerMinute", "100000");
            foreach (var (name, value) in Settings)
            {
                host.UseSetting(name, value);
            }
        });
        if (ListensOnRealPort)
        {
            _factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
            _factory.StartServer();
            var address = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            GraphQLUri = new Uri(address.TrimEnd('/') + "/graphql");
        }

        _factory.CreateClient().Dispose();
    }

    public GraphQLClient Anonymous() => new(Factory.CreateClient());

    /// <summary>Signs up a new user through the register mutation and returns a client carrying their access token.</summary>
    public async Task<GraphQLClient> SignUpAsync(string? name = null)
    {
        var email = $"{name ?? "user"}-{Guid.NewGuid():N}@example.com".ToLowerInvariant();
        var client = Anonymous();
        var result = await client.MutateAsync("""
            mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id email } errors { code message } } }
            """, new { input = new { email, password = "correct horse battery staple", name = name ?? "User" } });
        var payload = result.Data("register");
        Assert.Equal(0, payload.GetProperty("errors").GetArrayLength());
        client.SignIn(payload.GetProperty("accessToken").GetString()!, payload.GetProperty("user").GetProperty("id").GetString()!, email);
        return client;
    }

    public override async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
