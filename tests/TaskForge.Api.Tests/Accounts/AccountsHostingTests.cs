using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TaskForge.Api.Accounts;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Accounts;

public sealed class AccountsHostingTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Without_a_configured_key_a_generated_one_is_kept_in_the_data_directory_with_mode_600_and_reused()
    {
        var folder = Directory.CreateTempSubdirectory("taskforge-key-").FullName;
        try
        {
            var settings = new Dictionary<string, string?> { ["Auth:SigningKey"] = "", ["TaskForge:DataDirectory"] = folder };
            await using var first = new AccountsHost(database.ConnectionString, settings);
            var signedIn = await first.RegisterAsync();
            await using var second = new AccountsHost(database.ConnectionString, settings);
            using var client = second.Client(bearer: signedIn.AccessToken);

            var profile = await client.GetFromJsonAsync<MeResponse>(new Uri("/auth/me", UriKind.Relative));

            Assert.Equal(MeResponse.From(signedIn.User), profile);
            var file = Path.Combine(folder, JwtSigningKey.FileName);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.True(Convert.FromBase64String(await File.ReadAllTextAsync(file)).Length >= 32);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Configured_origins_get_credentialed_CORS_answers_and_other_origins_none()
    {
        await using var host = new AccountsHost(database.ConnectionString, new Dictionary<string, string?> { ["Cors:Origins:0"] = "https://board.example" });
        using var client = host.Client();

        var allowed = await client.SendAsync(Preflight("https://board.example"));
        var other = await client.SendAsync(Preflight("https://evil.example"));

        Assert.Equal("https://board.example", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("true", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Credentials")));
        var headers = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("x-api-key", headers, StringComparison.Ordinal);
        Assert.Contains("authorization", headers, StringComparison.Ordinal);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Without_configured_origins_there_are_no_CORS_headers_and_the_body_limit_defaults_to_1_MiB()
    {
        await using var host = new AccountsHost(database.ConnectionString);
        using var client = host.Client();

        var response = await client.SendAsync(Preflight("https://board.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(1024 * 1024, host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
    }

    [Fact]
    public async Task The_body_limit_comes_from_Limits_MaxRequestBodyBytes()
    {
        await using var host = new AccountsHost(database.ConnectionString, new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "4096" });
        _ = host.Accounts;

        Assert.Equal(4096, host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/auth/me", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,x-api-key,content-type");
        return request;
    }
}
