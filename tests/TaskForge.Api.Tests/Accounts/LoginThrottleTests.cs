using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Accounts;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Accounts;

/// <summary>Password guessing is limited per email address, whatever the client (ADR 0132).</summary>
public sealed class LoginThrottleTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string Password = "correct horse battery";
    private const int Limit = 3;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Auth:LoginAttemptLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Auth:LoginAttemptWindowSeconds"] = "600",
    };

    [Fact]
    public async Task Past_the_limit_even_the_right_password_waits_for_the_window_while_other_emails_sign_in()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var victim = (await host.RegisterAsync()).User;
        var bystander = (await host.RegisterAsync()).User;

        var guesses = new List<AccountResult<SignedIn>>();
        for (var i = 0; i < Limit; i++)
            guesses.Add(await host.Accounts.LoginAsync(victim.Email, $"guess {i}"));
        var locked = Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.LoginAsync(victim.Email.ToUpperInvariant(), Password));

        Assert.All(guesses, g => Assert.Equal(AccountErrorCodes.InvalidCredentials, Assert.IsType<AccountResult<SignedIn>.Failed>(g).Code));
        Assert.Equal(AccountErrorCodes.RateLimited, locked.Code);
        Assert.Contains("try again in 10 minutes", locked.Message, StringComparison.Ordinal);
        Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.LoginAsync(bystander.Email, Password));

        host.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Contains("try again in 1 minute.", Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.LoginAsync(victim.Email, Password)).Message,
            StringComparison.Ordinal);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.LoginAsync(victim.Email, Password));
    }

    [Fact]
    public async Task A_successful_sign_in_clears_the_count()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var user = (await host.RegisterAsync()).User;

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < Limit - 1; i++)
                Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.LoginAsync(user.Email, "typo"));
            Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.LoginAsync(user.Email, Password));
        }
    }

    [Fact]
    public async Task An_unknown_email_is_limited_the_same_way_so_the_limit_tells_nothing_about_accounts()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var known = (await host.RegisterAsync()).User.Email;
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";

        async Task<IReadOnlyList<string>> CodesAsync(string email)
        {
            var codes = new List<string>();
            for (var i = 0; i <= Limit; i++)
                codes.Add(Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.LoginAsync(email, "wrong")).Code);
            return codes;
        }

        var forKnown = await CodesAsync(known);
        var forUnknown = await CodesAsync(unknown);

        Assert.Equal([.. Enumerable.Repeat(AccountErrorCodes.InvalidCredentials, Limit), AccountErrorCodes.RateLimited], forKnown);
        Assert.Equal(forKnown, forUnknown);
    }

    [Fact]
    public async Task A_burst_of_parallel_guesses_gets_no_more_password_checks_than_the_limit()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var user = (await host.RegisterAsync()).User;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => host.Accounts.LoginAsync(user.Email, $"guess {i}")));
        var codes = results.Select(r => Assert.IsType<AccountResult<SignedIn>.Failed>(r).Code).ToList();

        Assert.Equal(Limit, codes.Count(c => c == AccountErrorCodes.InvalidCredentials));
        Assert.Equal(20 - Limit, codes.Count(c => c == AccountErrorCodes.RateLimited));
    }

    [Fact]
    public async Task Over_GraphQL_the_login_past_the_limit_is_a_RATE_LIMITED_payload_error()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var user = (await host.RegisterAsync()).User;
        using var client = new GraphQLClient(host.Client());

        var codes = new List<string?>();
        for (var i = 0; i <= Limit; i++)
        {
            var login = (await client.MutateAsync("""
                mutation($email: String!) { login(input: { email: $email, password: "wrong" }) { accessToken errors { code message } } }
                """, new { email = user.Email })).Data("login");
            codes.Add(login.GetProperty("errors")[0].GetProperty("code").GetString());
        }

        Assert.Equal([.. Enumerable.Repeat("INVALID_CREDENTIALS", Limit), "RATE_LIMITED"], codes);
    }

    [Fact]
    public async Task Rows_of_ended_windows_are_swept_so_sprayed_emails_do_not_pile_up()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var sprayed = Enumerable.Range(0, 5).Select(i => $"spray-{i}-{Guid.NewGuid():N}@example.com").ToList();
        foreach (var email in sprayed)
            await host.Accounts.LoginAsync(email, "wrong");
        var before = await RowsAsync(host, sprayed);

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var late = $"late-{Guid.NewGuid():N}@example.com";
        await host.Accounts.LoginAsync(late, "wrong");

        Assert.Equal(5, before);
        Assert.Equal(0, await RowsAsync(host, sprayed));
        Assert.Equal(1, await RowsAsync(host, [late]));
    }

    private static async Task<long> RowsAsync(AccountsHost host, IEnumerable<string> emails)
    {
        var dataSource = host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        var schema = host.Services.GetRequiredService<Marten.IDocumentStore>().Options.DatabaseSchemaName;
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {schema}.{LoginThrottle.TableName} WHERE email_hash = ANY($1)");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = emails.Select(OpaqueToken.Hash).ToArray() });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
