using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TaskForge.Api.Accounts;

namespace TaskForge.Api.Tests.Accounts;

/// <summary>A TaskForge host on a test database with a known signing key and a fake accounts clock.</summary>
internal sealed class AccountsHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public AccountsHost(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, byte[]? signingKey = null)
    {
        SigningKey = signingKey ?? RandomNumberGenerator.GetBytes(64);
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:TaskForge", connectionString);
            host.UseSetting("TaskForge:RunProjections", "false");
            host.UseSetting("Auth:SigningKey", Convert.ToBase64String(SigningKey));
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                host.UseSetting(key, value);
            host.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(AccountsExtensions.ClockKey, Clock));
        });
    }

    public byte[] SigningKey { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _factory.Services;

    public AccountService Accounts => Services.GetRequiredService<AccountService>();

    public HttpClient Client(string? bearer = null, string? apiKey = null)
    {
        var client = _factory.CreateClient();
        if (bearer is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        return client;
    }

    public async Task<SignedIn> RegisterAsync(string? email = null)
    {
        var result = await Accounts.RegisterAsync(email ?? $"u{Guid.NewGuid():N}@example.com", "correct horse battery", "Test User");
        return Assert.IsType<AccountResult<SignedIn>.Succeeded>(result).Value;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}

/// <summary>One <see cref="AccountsHost"/> on this class's database, shared by its tests.</summary>
public class AccountsHostFixture : TaskForge.Testing.PostgresDatabaseFixture
{
    private AccountsHost? _host;

    internal AccountsHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _host = new AccountsHost(ConnectionString);
        _ = _host.Accounts;
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        await base.DisposeAsync();
    }
}
