using Marten;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Accounts;

namespace TaskForge.Api.Tests.Accounts;

public sealed class AccountServiceTests(AccountsHostFixture fixture) : IClassFixture<AccountsHostFixture>
{
    private const string Password = "correct horse battery";
    private AccountService Accounts => fixture.Host.Accounts;

    [Fact]
    public async Task Register_normalizes_the_email_and_login_with_the_password_signs_in()
    {
        var email = $"Mixed.{Guid.NewGuid():N}@Example.COM";

        var registered = Assert.IsType<AccountResult<SignedIn>.Succeeded>(await Accounts.RegisterAsync($"  {email} ", Password, " Ada "));
        var login = Assert.IsType<AccountResult<SignedIn>.Succeeded>(await Accounts.LoginAsync(email.ToUpperInvariant(), Password));

        Assert.Equal(email.ToLowerInvariant(), registered.Value.User.Email);
        Assert.Equal("Ada", registered.Value.User.Name);
        Assert.Equal(registered.Value.User, login.Value.User);
        Assert.NotEqual(registered.Value.RefreshToken, login.Value.RefreshToken);
        Assert.NotEmpty(login.Value.AccessToken);
        Assert.Equal(registered.Value.User, await Accounts.FindByEmailAsync(email));
        Assert.Equal(registered.Value.User, await Accounts.ProfileAsync(registered.Value.User.Id));
    }

    [Fact]
    public async Task The_password_is_stored_only_as_an_Identity_hash()
    {
        var user = (await fixture.Host.RegisterAsync()).User;

        await using var session = fixture.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var account = await session.LoadAsync<UserAccount>(user.Id);

        Assert.NotNull(account);
        Assert.DoesNotContain("horse", account.PasswordHash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", account.PasswordHash, StringComparison.Ordinal); // Identity's v3 format marker (0x01) in base64
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_fail_with_the_same_code_and_message()
    {
        var user = (await fixture.Host.RegisterAsync()).User;

        var wrongPassword = Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.LoginAsync(user.Email, "not the password"));
        var unknownEmail = Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.LoginAsync($"nobody{Guid.NewGuid():N}@example.com", Password));

        Assert.Equal(AccountErrorCodes.InvalidCredentials, wrongPassword.Code);
        Assert.Equal(wrongPassword, unknownEmail);
    }

    [Theory]
    [InlineData("not-an-email", Password, "Ada", "email")]
    [InlineData("a@b", Password, "Ada", "email")]
    [InlineData("a b@example.com", Password, "Ada", "email")]
    [InlineData("ada@example.com", "short", "Ada", "password")]
    [InlineData("ada@example.com", "123456789", "Ada", "password")]
    [InlineData("ada@example.com", Password, "   ", "name")]
    public async Task Bad_input_fails_validation_naming_the_field(string email, string password, string name, string field)
    {
        var failed = Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RegisterAsync(email, password, name));

        Assert.Equal(AccountErrorCodes.Validation, failed.Code);
        Assert.Equal(field, failed.Field);
    }

    [Fact]
    public async Task Passwords_and_names_over_their_limits_fail_validation()
    {
        var email = $"u{Guid.NewGuid():N}@example.com";

        var longPassword = Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RegisterAsync(email, new string('p', 201), "Ada"));
        var longName = Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RegisterAsync(email, Password, new string('n', 101)));

        Assert.Equal(("password", "name"), (longPassword.Field, longName.Field));
        Assert.IsType<AccountResult<SignedIn>.Succeeded>(await Accounts.RegisterAsync(email, new string('p', 200), new string('n', 100)));
    }

    [Fact]
    public async Task Registering_a_taken_email_in_another_case_fails_with_EMAIL_TAKEN()
    {
        var email = $"u{Guid.NewGuid():N}@example.com";
        await fixture.Host.RegisterAsync(email);

        var again = Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RegisterAsync(email.ToUpperInvariant(), Password, "Other"));

        Assert.Equal((AccountErrorCodes.EmailTaken, "email"), (again.Code, again.Field));
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_email_make_one_account_and_the_rest_EMAIL_TAKEN()
    {
        var email = $"u{Guid.NewGuid():N}@example.com";

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Accounts.RegisterAsync(email, Password, $"Racer {i}"))));

        Assert.Single(results.OfType<AccountResult<SignedIn>.Succeeded>());
        Assert.All(results.OfType<AccountResult<SignedIn>.Failed>(), failed => Assert.Equal(AccountErrorCodes.EmailTaken, failed.Code));
        await using var session = fixture.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(1, await session.Query<UserAccount>().CountAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Profiles_returns_the_existing_users_of_a_batch_once_each()
    {
        var a = (await fixture.Host.RegisterAsync()).User;
        var b = (await fixture.Host.RegisterAsync()).User;

        var profiles = await Accounts.ProfilesAsync([a.Id, b.Id, Guid.NewGuid(), a.Id]);

        Assert.Equal(2, profiles.Count);
        Assert.Equal(a, profiles[a.Id]);
        Assert.Equal(b, profiles[b.Id]);
        Assert.Empty(await Accounts.ProfilesAsync([]));
    }
}
