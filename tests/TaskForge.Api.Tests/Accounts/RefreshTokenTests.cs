using Marten;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Accounts;

namespace TaskForge.Api.Tests.Accounts;

// The accounts clock is a FakeTimeProvider (default grace window 30 s): time moves only when a test advances it.
public sealed class RefreshTokenTests(AccountsHostFixture fixture) : IClassFixture<AccountsHostFixture>
{
    private AccountService Accounts => fixture.Host.Accounts;

    [Fact]
    public async Task Refresh_rotates_the_token_in_the_same_family_and_the_new_one_refreshes_again()
    {
        var signedIn = await fixture.Host.RegisterAsync();

        var first = Refreshed(await Accounts.RefreshAsync(signedIn.RefreshToken));
        var second = Refreshed(await Accounts.RefreshAsync(first.RefreshToken));

        Assert.NotEqual(signedIn.RefreshToken, first.RefreshToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(signedIn.User, second.User);
        var records = await RecordsAsync(signedIn.RefreshToken, first.RefreshToken, second.RefreshToken);
        Assert.Single(records.Select(r => r.FamilyId).Distinct());
        Assert.Equal([null, records[0].Id, records[1].Id], records.Select(r => r.ParentId));
        Assert.Equal([true, true, false], records.Select(r => r.SpentAt is not null));
        Assert.DoesNotContain(records, r => r.Id.Contains(signedIn.RefreshToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reusing_a_spent_token_after_the_grace_window_revokes_the_whole_family()
    {
        var signedIn = await fixture.Host.RegisterAsync();
        var rotated = Refreshed(await Accounts.RefreshAsync(signedIn.RefreshToken));
        var latest = Refreshed(await Accounts.RefreshAsync(rotated.RefreshToken));
        fixture.Host.Clock.Advance(TimeSpan.FromSeconds(31));

        var reuse = Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RefreshAsync(signedIn.RefreshToken));
        var afterwards = Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RefreshAsync(latest.RefreshToken));

        Assert.Equal(AccountErrorCodes.RefreshTokenReused, reuse.Code);
        Assert.Equal(AccountErrorCodes.RefreshTokenInvalid, afterwards.Code);
    }

    [Fact]
    public async Task A_retry_within_the_grace_window_gets_a_fresh_token_and_the_lost_one_is_revoked()
    {
        var signedIn = await fixture.Host.RegisterAsync();
        var lost = Refreshed(await Accounts.RefreshAsync(signedIn.RefreshToken));
        fixture.Host.Clock.Advance(TimeSpan.FromSeconds(10));

        var retried = Refreshed(await Accounts.RefreshAsync(signedIn.RefreshToken));
        var next = Refreshed(await Accounts.RefreshAsync(retried.RefreshToken));

        Assert.NotEqual(lost.RefreshToken, retried.RefreshToken);
        Assert.NotNull(Assert.Single(await RecordsAsync(lost.RefreshToken)).RevokedAt);
        Assert.NotEqual(retried.RefreshToken, next.RefreshToken);
    }

    [Fact]
    public async Task Presenting_the_token_a_retry_superseded_revokes_the_family()
    {
        var signedIn = await fixture.Host.RegisterAsync();
        var superseded = Refreshed(await Accounts.RefreshAsync(signedIn.RefreshToken));
        var retried = Refreshed(await Accounts.RefreshAsync(signedIn.RefreshToken));

        var reuse = Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RefreshAsync(superseded.RefreshToken));

        Assert.Equal(AccountErrorCodes.RefreshTokenReused, reuse.Code);
        Assert.Equal(AccountErrorCodes.RefreshTokenInvalid, Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RefreshAsync(retried.RefreshToken)).Code);
    }

    [Fact]
    public async Task Reuse_within_the_grace_window_after_the_successor_was_used_revokes_the_family()
    {
        var signedIn = await fixture.Host.RegisterAsync();
        var successor = Refreshed(await Accounts.RefreshAsync(signedIn.RefreshToken));
        var latest = Refreshed(await Accounts.RefreshAsync(successor.RefreshToken));

        var reuse = Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RefreshAsync(signedIn.RefreshToken));

        Assert.Equal(AccountErrorCodes.RefreshTokenReused, reuse.Code);
        Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RefreshAsync(latest.RefreshToken));
    }

    [Fact]
    public async Task Concurrent_uses_of_one_token_make_exactly_one_normal_rotation_and_leave_one_live_token()
    {
        for (var round = 0; round < 5; round++)
        {
            var signedIn = await fixture.Host.RegisterAsync();

            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Accounts.RefreshAsync(signedIn.RefreshToken))));

            var issued = results.Select(Refreshed).ToList();
            var records = await RecordsAsync(issued.Select(s => s.RefreshToken).ToArray());
            Assert.Single(records, r => r.RevokedAt is null);
            var spent = Assert.Single(await RecordsAsync(signedIn.RefreshToken));
            Assert.Equal(records.Single(r => r.RevokedAt is null).Id, spent.ChildId);
            var live = issued.Single(s => Hash(s.RefreshToken) == spent.ChildId);
            Refreshed(await Accounts.RefreshAsync(live.RefreshToken));
        }
    }

    [Fact]
    public async Task Logout_revokes_every_token_of_the_family_and_leaves_other_sign_ins_alone()
    {
        var signedIn = await fixture.Host.RegisterAsync();
        var rotated = Refreshed(await Accounts.RefreshAsync(signedIn.RefreshToken));
        var otherDevice = Assert.IsType<AccountResult<SignedIn>.Succeeded>(await Accounts.LoginAsync(signedIn.User.Email, "correct horse battery")).Value;

        Assert.True(await Accounts.LogoutAsync(signedIn.RefreshToken));

        Assert.Equal(AccountErrorCodes.RefreshTokenInvalid, Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RefreshAsync(rotated.RefreshToken)).Code);
        Refreshed(await Accounts.RefreshAsync(otherDevice.RefreshToken));
        Assert.False(await Accounts.LogoutAsync("not-a-token"));
    }

    [Fact]
    public async Task Unknown_and_expired_tokens_are_invalid()
    {
        var signedIn = await fixture.Host.RegisterAsync();

        var unknown = Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RefreshAsync("bm90LWEtdG9rZW4"));
        fixture.Host.Clock.Advance(TimeSpan.FromDays(15));
        var expired = Assert.IsType<AccountResult<SignedIn>.Failed>(await Accounts.RefreshAsync(signedIn.RefreshToken));

        Assert.Equal(AccountErrorCodes.RefreshTokenInvalid, unknown.Code);
        Assert.Equal(AccountErrorCodes.RefreshTokenInvalid, expired.Code);
        Assert.Contains("expired", expired.Message, StringComparison.Ordinal);
    }

    private static SignedIn Refreshed(AccountResult<SignedIn> result) =>
        result is AccountResult<SignedIn>.Succeeded succeeded ? succeeded.Value : throw new Xunit.Sdk.XunitException($"Expected a new session, got {result}");

    private async Task<List<RefreshTokenRecord>> RecordsAsync(params string[] tokens)
    {
        var hashes = tokens.Select(Hash).ToList();
        await using var session = fixture.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var records = await session.LoadManyAsync<RefreshTokenRecord>(hashes);
        return hashes.Select(h => records.Single(r => r.Id == h)).ToList();
    }

    private static string Hash(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
