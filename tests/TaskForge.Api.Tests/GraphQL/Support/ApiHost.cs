using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.GraphQL.Support;

/// <summary>The whole TaskForge host on this class's database, projections running, for end-to-end tests over HTTP.</summary>
public class ApiHostFixture : PostgresDatabaseFixture
{
    private WebApplicationFactory<Program>? _factory;

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Settings a derived fixture adds (limits, rate limits).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:TaskForge", ConnectionString);
            host.UseSetting("TaskForge:SoloNode", "true");
            host.UseSetting("Auth:SigningKey", key);
            host.UseSetting("GraphQL:Introspection", "true");
            // A loaded CI machine runs many hosts at once: read-your-writes may wait longer than the production default.
            host.UseSetting("GraphQL:ReadYourWritesTimeout", "00:00:30");
            host.UseSetting("RateLimits:PermitsPerMinute", "100000");
            host.UseSetting("RateLimits:AnonymousPermitsPerMinute", "100000");
            foreach (var (name, value) in Settings)
            {
                host.UseSetting(name, value);
            }
        });
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
