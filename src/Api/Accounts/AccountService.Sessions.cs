using JasperFx;
using Marten;

namespace TaskForge.Api.Accounts;

// Refresh-token rotation, reuse detection and logout (ADR 0079).
public sealed partial class AccountService
{
    private const int RotationAttempts = 6;

    /// <summary>
    /// Spends <paramref name="refreshToken"/> and returns a new session in the same family. A token spent less than
    /// <c>Auth:RefreshReuseGraceSeconds</c> ago, whose successor was never used, rotates again (the client lost the
    /// response): the retry gets a fresh successor and the undelivered one is revoked. Any other reuse of a spent token,
    /// or a use of the revoked successor, revokes the whole family.
    /// </summary>
    public async Task<AccountResult<SignedIn>> RefreshAsync(string refreshToken, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(refreshToken) || refreshToken.Length > 200)
            return RefreshInvalid("The refresh token is unknown.");
        var hash = OpaqueToken.Hash(refreshToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryRotateAsync(hash, ct);
            }
            catch (Exception e) when (attempt < RotationAttempts && IsConcurrencyConflict(e))
            {
                // Another use of this token (or of its successor) committed first: decide again on what it wrote.
                logger.LogDebug("Refresh token rotation lost a race, attempt {Attempt}", attempt);
            }
        }
    }

    /// <summary>
    /// Revokes the family of <paramref name="refreshToken"/>; false when the token is unknown. With
    /// <paramref name="allSessions"/>, revokes every session of the token's user ("sign out everywhere"), and only for a
    /// token that could still be refreshed (unspent, unexpired, in a live family), so an old stolen token cannot sign
    /// its owner out of everything.
    /// </summary>
    public async Task<bool> LogoutAsync(string refreshToken, bool allSessions = false, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(refreshToken) || refreshToken.Length > 200)
            return false;
        await using var session = store.LightweightSession();
        RefreshTokenFamily? family = null;
        var token = await session.Query<RefreshTokenRecord>()
            .Include<RefreshTokenFamily>(t => t.FamilyId, f => family = f)
            .SingleOrDefaultAsync(t => t.Id == OpaqueToken.Hash(refreshToken), ct);
        if (token is null || family is null)
            return false;
        var now = time.GetUtcNow();
        if (allSessions)
        {
            if (family.RevokedAt is not null || token.SpentAt is not null || token.RevokedAt is not null || now >= token.ExpiresAt)
                return false;
            var revoked = await RevokeSessionsAsync(session, token.UserId, now, "logout everywhere", ct);
            await session.SaveChangesAsync(ct);
            logger.LogInformation("User {UserId} signed out everywhere: {Sessions} sessions revoked", token.UserId, revoked);
            return true;
        }

        if (family.RevokedAt is null)
        {
            family.RevokedAt = now;
            family.RevokedReason = "logout";
            session.Store(family);
            await session.SaveChangesAsync(ct);
        }

        return true;
    }

    /// <summary>Revokes (in <paramref name="session"/>, saved by the caller) every live refresh-token family of the user; returns how many.</summary>
    private static async Task<int> RevokeSessionsAsync(IDocumentSession session, Guid userId, DateTimeOffset now, string reason, CancellationToken ct)
    {
        var families = await session.Query<RefreshTokenFamily>().Where(f => f.UserId == userId && f.RevokedAt == null).ToListAsync(ct);
        foreach (var family in families)
        {
            family.RevokedAt = now;
            family.RevokedReason = reason;
            session.Store(family);
        }

        return families.Count;
    }

    private async Task<AccountResult<SignedIn>> TryRotateAsync(string hash, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        RefreshTokenFamily? family = null;
        UserAccount? account = null;
        var token = await session.Query<RefreshTokenRecord>()
            .Include<RefreshTokenFamily>(t => t.FamilyId, f => family = f)
            .Include<UserAccount>(t => t.UserId, u => account = u)
            .SingleOrDefaultAsync(t => t.Id == hash, ct);
        var now = time.GetUtcNow();
        if (token is null || family is null || account is null)
            return RefreshInvalid("The refresh token is unknown.");
        if (family.RevokedAt is not null)
            return RefreshInvalid("The refresh token was revoked.");
        if (now >= token.ExpiresAt)
            return RefreshInvalid("The refresh token has expired.");

        // A token superseded by a retry was presumed never delivered; someone holding it means it was: a reuse.
        if (token.SpentAt is null && token.RevokedAt is null)
            return await RotateAsync(session, token, account.ToProfile(), now, ct);

        if (token.SpentAt is { } spentAt && now - spentAt < TimeSpan.FromSeconds(Options.RefreshReuseGraceSeconds) && token.ChildId is not null)
        {
            var successor = await session.LoadAsync<RefreshTokenRecord>(token.ChildId, ct);
            if (successor is { SpentAt: null, RevokedAt: null })
            {
                successor.RevokedAt = now;
                session.Store(successor);
                return await RotateAsync(session, token, account.ToProfile(), now, ct);
            }
        }

        family.RevokedAt = now;
        family.RevokedReason = "reuse";
        session.Store(family);
        // Stored unchanged for its version check: if a concurrent retry rotated this token again after we read it (the
        // successor we saw revoked is its doing), this save fails and we decide again on the token's new successor.
        session.Store(token);
        await session.SaveChangesAsync(ct);
        logger.LogWarning("Refresh token reuse: revoked family {FamilyId} of user {UserId}", family.Id, family.UserId);
        return new AccountResult<SignedIn>.Failed(AccountErrorCodes.RefreshTokenReused,
            "The refresh token was already used; every session of this sign-in is revoked. Sign in again.");
    }

    // The store of `spent` is checked against the version it was read at, so of two concurrent rotations one commits.
    private async Task<AccountResult<SignedIn>> RotateAsync(IDocumentSession session, RefreshTokenRecord spent, UserProfile user, DateTimeOffset now, CancellationToken ct)
    {
        var (signedIn, child) = Issue(session, user, spent.FamilyId, spent.Id, now);
        spent.SpentAt ??= now;
        spent.ChildId = child.Id;
        session.Store(spent);
        await session.SaveChangesAsync(ct);
        return signedIn;
    }

    private SignedIn StartFamily(IDocumentSession session, UserProfile user)
    {
        var now = time.GetUtcNow();
        var family = new RefreshTokenFamily { Id = Guid.NewGuid(), UserId = user.Id, CreatedAt = now };
        session.Insert(family);
        return Issue(session, user, family.Id, parentId: null, now).SignedIn;
    }

    private (SignedIn SignedIn, RefreshTokenRecord Record) Issue(IDocumentSession session, UserProfile user, Guid familyId, string? parentId, DateTimeOffset now)
    {
        var refreshToken = OpaqueToken.New();
        var record = new RefreshTokenRecord
        {
            Id = OpaqueToken.Hash(refreshToken),
            FamilyId = familyId,
            UserId = user.Id,
            ParentId = parentId,
            IssuedAt = now,
            ExpiresAt = now.AddDays(Options.RefreshTokenDays),
        };
        session.Insert(record);
        var (accessToken, accessExpires) = tokens.IssueAccessToken(user);
        return (new SignedIn(user, accessToken, accessExpires, refreshToken, record.ExpiresAt), record);
    }

    // Marten throws an AggregateException when more than one versioned document of the batch was stale.
    private static bool IsConcurrencyConflict(Exception e) =>
        e is ConcurrencyException || (e is AggregateException aggregate && aggregate.InnerExceptions.All(inner => inner is ConcurrencyException));

    private static AccountResult<SignedIn>.Failed RefreshInvalid(string message) => new(AccountErrorCodes.RefreshTokenInvalid, message);
}
