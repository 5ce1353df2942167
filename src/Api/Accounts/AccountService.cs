using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TaskForge.Api.Accounts;

/// <summary>
/// Accounts, sign-in sessions and API keys, kept as Marten documents in TaskForge's store (ADR 0078). A singleton: each
/// call opens its own lightweight session.
/// </summary>
public sealed partial class AccountService(
    IDocumentStore store,
    TokenIssuer tokens,
    LoginThrottle throttle,
    IOptions<AuthOptions> options,
    [FromKeyedServices(AccountsExtensions.ClockKey)] TimeProvider time,
    ILogger<AccountService> logger)
{
    private const string InvalidCredentialsMessage = "The email or password is wrong.";

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verified when the email is unknown, so an unknown email costs as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(new UserAccount(), "taskforge-timing-equalizer");

    private AuthOptions Options => options.Value;

    public async Task<AccountResult<SignedIn>> RegisterAsync(string email, string password, string name, CancellationToken ct = default)
    {
        var normalized = AccountInput.NormalizeEmail(email);
        var trimmedName = (name ?? "").Trim();
        if (AccountInput.EmailError(normalized) is { } emailError)
            return Invalid<SignedIn>(emailError, "email");
        if (AccountInput.PasswordError(password) is { } passwordError)
            return Invalid<SignedIn>(passwordError, "password");
        if (AccountInput.NameError(trimmedName) is { } nameError)
            return Invalid<SignedIn>(nameError, "name");

        var account = new UserAccount { Id = Guid.NewGuid(), Email = normalized, Name = trimmedName, CreatedAt = time.GetUtcNow() };
        account.PasswordHash = Hasher.HashPassword(account, password);
        await using var session = store.LightweightSession();
        session.Insert(account);
        var signedIn = StartFamily(session, account.ToProfile());
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (UniqueViolation.IsOne(e))
        {
            return new AccountResult<SignedIn>.Failed(AccountErrorCodes.EmailTaken, "An account with this email already exists.", "email");
        }

        logger.LogInformation("Registered user {UserId}", account.Id);
        return signedIn;
    }

    public async Task<AccountResult<SignedIn>> LoginAsync(string email, string password, CancellationToken ct = default)
    {
        var normalized = AccountInput.NormalizeEmail(email);
        if (await throttle.CountAttemptAsync(normalized, ct) is { } retryAt)
            return RateLimited(retryAt);

        await using var session = store.LightweightSession();
        var account = await session.Query<UserAccount>().SingleOrDefaultAsync(u => u.Email == normalized, ct);
        if (account is null || password is null || password.Length > AccountInput.MaxPasswordLength)
        {
            Hasher.VerifyHashedPassword(new UserAccount(), DummyHash, password ?? "");
            return new AccountResult<SignedIn>.Failed(AccountErrorCodes.InvalidCredentials, InvalidCredentialsMessage);
        }

        var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
            return new AccountResult<SignedIn>.Failed(AccountErrorCodes.InvalidCredentials, InvalidCredentialsMessage);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = Hasher.HashPassword(account, password);
            session.Update(account);
        }

        var signedIn = StartFamily(session, account.ToProfile());
        await session.SaveChangesAsync(ct);
        await throttle.ClearAsync(normalized, ct);
        return signedIn;
    }

    public async Task<UserProfile?> ProfileAsync(Guid userId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<UserAccount>(userId, ct))?.ToProfile();
    }

    /// <summary>The profiles of <paramref name="userIds"/> that exist, in one database round trip (a DataLoader's batch).</summary>
    public async Task<IReadOnlyDictionary<Guid, UserProfile>> ProfilesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0)
            return new Dictionary<Guid, UserProfile>();
        await using var session = store.QuerySession();
        var accounts = await session.LoadManyAsync<UserAccount>(ct, userIds.Distinct());
        return accounts.ToDictionary(a => a.Id, a => a.ToProfile());
    }

    public async Task<UserProfile?> FindByEmailAsync(string email, CancellationToken ct = default)
    {
        var normalized = AccountInput.NormalizeEmail(email);
        await using var session = store.QuerySession();
        var account = await session.Query<UserAccount>().SingleOrDefaultAsync(u => u.Email == normalized, ct);
        return account?.ToProfile();
    }

    private AccountResult<SignedIn>.Failed RateLimited(DateTimeOffset retryAt)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((retryAt - time.GetUtcNow()).TotalMinutes));
        return new AccountResult<SignedIn>.Failed(AccountErrorCodes.RateLimited,
            $"Too many sign-in attempts for this email; try again in {minutes} minute{(minutes == 1 ? "" : "s")}.");
    }

    private static AccountResult<T>.Failed Invalid<T>(string message, string field) => new(AccountErrorCodes.Validation, message, field);
}
