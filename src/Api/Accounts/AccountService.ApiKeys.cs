using Marten;
using Marten.Patching;

namespace TaskForge.Api.Accounts;

// API keys: tf_<prefix>_<secret>; the prefix finds the key, the SHA-256 of the whole key proves it.
public sealed partial class AccountService
{
    private const int MaxApiKeyNameLength = 100;

    /// <summary>Creates an API key for <paramref name="userId"/>; the raw key is in the result only.</summary>
    public async Task<AccountResult<CreatedApiKey>> CreateApiKeyAsync(Guid userId, string name, CancellationToken ct = default)
    {
        var trimmed = (name ?? "").Trim();
        if (AccountInput.NameError(trimmed, MaxApiKeyNameLength) is { } nameError)
            return new AccountResult<CreatedApiKey>.Failed(AccountErrorCodes.Validation, nameError, "name");

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<UserAccount>(userId, ct) is null)
            return new AccountResult<CreatedApiKey>.Failed(AccountErrorCodes.NotFound, "The user does not exist.");

        var key = ApiKeyFormat.New();
        var record = new ApiKeyRecord
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = trimmed,
            Prefix = key.Prefix,
            KeyHash = OpaqueToken.Hash(key.Key),
            CreatedAt = time.GetUtcNow(),
        };
        session.Insert(record);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Created API key {ApiKeyId} for user {UserId}", record.Id, userId);
        return new CreatedApiKey(record.ToInfo(), key.Key);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ApiKeysAsync(Guid userId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var keys = await session.Query<ApiKeyRecord>().Where(k => k.UserId == userId).OrderBy(k => k.CreatedAt).ToListAsync(ct);
        return keys.Select(k => k.ToInfo()).ToList();
    }

    /// <summary>Revokes the user's key; false when the user has no such key. Revoking a revoked key is a no-op (true).</summary>
    public async Task<bool> RevokeApiKeyAsync(Guid userId, Guid apiKeyId, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var record = await session.LoadAsync<ApiKeyRecord>(apiKeyId, ct);
        if (record is null || record.UserId != userId)
            return false;
        if (record.RevokedAt is null)
        {
            session.Patch<ApiKeyRecord>(apiKeyId).Set(k => k.RevokedAt, time.GetUtcNow());
            await session.SaveChangesAsync(ct);
            logger.LogInformation("Revoked API key {ApiKeyId} of user {UserId}", apiKeyId, userId);
        }

        return true;
    }

    /// <summary>
    /// The user and key id that <paramref name="rawKey"/> authenticates, or why not. Touches LastUsedAt at most once per
    /// <c>Auth:ApiKeyLastUsedResolutionSeconds</c> so that a busy key does not write on every request.
    /// </summary>
    public async Task<AccountResult<(UserProfile User, Guid ApiKeyId)>> AuthenticateApiKeyAsync(string rawKey, CancellationToken ct = default)
    {
        if (!ApiKeyFormat.TryParsePrefix(rawKey, out var prefix))
            return new AccountResult<(UserProfile, Guid)>.Failed(AccountErrorCodes.InvalidCredentials, "the API key is malformed (expected tf_<prefix>_<secret>)");

        await using var session = store.LightweightSession();
        UserAccount? account = null;
        var record = await session.Query<ApiKeyRecord>()
            .Include<UserAccount>(k => k.UserId, u => account = u)
            .SingleOrDefaultAsync(k => k.Prefix == prefix, ct);
        if (record is null || account is null || !OpaqueToken.HashEquals(rawKey, record.KeyHash))
            return new AccountResult<(UserProfile, Guid)>.Failed(AccountErrorCodes.InvalidCredentials, "the API key is unknown");
        if (record.RevokedAt is not null)
            return new AccountResult<(UserProfile, Guid)>.Failed(AccountErrorCodes.InvalidCredentials, "the API key was revoked");

        var now = time.GetUtcNow();
        if (record.LastUsedAt is null || now - record.LastUsedAt.Value >= TimeSpan.FromSeconds(Options.ApiKeyLastUsedResolutionSeconds))
        {
            session.Patch<ApiKeyRecord>(record.Id).Set(k => k.LastUsedAt, now);
            await session.SaveChangesAsync(ct);
        }

        return (account.ToProfile(), record.Id);
    }
}
