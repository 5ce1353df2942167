using Marten;
using Microsoft.AspNetCore.Identity;
using TaskForge.Api.Audit;

namespace TaskForge.Api.Accounts;

// What a signed-in user changes about their own account: their name and their password (ADR 0137).
public sealed partial class AccountService
{
    /// <summary>Sets the user's display name, shown wherever the user is (members, assignees, comments, presence).</summary>
    public async Task<AccountResult<UserProfile>> RenameAsync(Guid userId, string name, CancellationToken ct = default)
    {
        var trimmed = (name ?? "").Trim();
        if (AccountInput.NameError(trimmed) is { } nameError)
            return Invalid<UserProfile>(nameError, "name");
        await using var session = store.LightweightSession();
        if (await LoadLiveAccountAsync(session, userId, ct) is not { } account)
            return NoAccount<UserProfile>();
        if (account.Name != trimmed)
        {
            account.Name = trimmed;
            session.Update(account);
            await session.SaveChangesAsync(ct);
        }

        return account.ToProfile();
    }

    /// <summary>
    /// Replaces the password after checking the current one (counted with the sign-in attempts of the account's email,
    /// <see cref="LoginThrottle"/>). Every refresh-token family of the user is revoked and a new session returned, so
    /// only the caller stays signed in; access tokens already issued run out in their minutes; API keys are untouched.
    /// </summary>
    public async Task<AccountResult<SignedIn>> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken ct = default)
    {
        if (AccountInput.PasswordError(newPassword) is { } passwordError)
            return Invalid<SignedIn>(passwordError, "newPassword");
        await using var session = store.LightweightSession();
        if (await LoadLiveAccountAsync(session, userId, ct) is not { } account)
            return NoAccount<SignedIn>();
        if (await throttle.CountAttemptAsync(account.Email, ct) is { } retryAt)
            return RateLimited(retryAt);
        if (currentPassword is null || currentPassword.Length > AccountInput.MaxPasswordLength
            || Hasher.VerifyHashedPassword(account, account.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            return new AccountResult<SignedIn>.Failed(AccountErrorCodes.InvalidCredentials, "The current password is wrong.", "currentPassword");
        }

        if (newPassword == currentPassword)
            return Invalid<SignedIn>("The new password must differ from the current one.", "newPassword");

        var now = time.GetUtcNow();
        account.PasswordHash = Hasher.HashPassword(account, newPassword);
        session.Update(account);
        var revoked = await RevokeSessionsAsync(session, userId, now, "password changed", ct);
        var signedIn = StartFamily(session, account.ToProfile());
        await session.SaveChangesAsync(ct);
        await throttle.ClearAsync(account.Email, ct);
        logger.LogInformation("User {UserId} changed their password; {Sessions} other sessions revoked", userId, revoked);
        return signedIn;
    }

    // A forgotten user's access token lives out its minutes; their account is a tombstone that nobody may change.
    private static async Task<UserAccount?> LoadLiveAccountAsync(IDocumentSession session, Guid userId, CancellationToken ct) =>
        await session.LoadAsync<UserAccount>(userId, ct) is { } account && account.Email != ForgottenUser.TombstoneEmailOf(userId) ? account : null;

    private static AccountResult<T>.Failed NoAccount<T>() => new(AccountErrorCodes.NotFound, "There is no such account.");
}
