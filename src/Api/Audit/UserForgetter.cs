using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TaskForge.Api.Accounts;
using TaskForge.Api.Commands;
using TaskForge.Api.Commands.Loading;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;
using TaskForge.Api.Schema;

namespace TaskForge.Api.Audit;

/// <summary>
/// Forgets a user (ADR 0114): their email becomes a tombstone in the log's events (signed redactions), then, once every
/// read model has applied those events, in the read models; their account gets the tombstone name and email, an
/// unknowable password, and loses its API keys and refresh tokens; the removal is recorded (a <see cref="ForgottenUser"/>
/// document, and a USER_FORGOTTEN entry in the access log of each workspace whose events were redacted).
/// </summary>
public sealed class UserForgetter(
    IDocumentStore store,
    PersonalDataRedactor redactor,
    ReadModelScrubber scrubber,
    ProjectionWaiter waiter,
    AuditAccessLog accessLog,
    StateCache stateCache,
    TimeProvider clock,
    IOptions<GraphQLApiOptions> graphQL)
{
    /// <summary>Null when there is no such account; else the record (the earlier one when already forgotten).</summary>
    public async Task<ForgottenUser?> ForgetAsync(Guid userId, RequestOrigin? origin, CancellationToken cancellationToken)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<ForgottenUser>(userId, cancellationToken) is { } earlier)
                return earlier;
        }

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<UserAccount>(userId, cancellationToken) is not { } account)
            return null;

        var email = account.Email;
        var tombstone = ForgottenUser.TombstoneEmailOf(userId);
        var redacted = await redactor.RedactAsync(email, tombstone, $"forgotten user {userId}", cancellationToken);
        foreach (var streamId in redacted.Select(r => r.StreamId).Distinct())
            Evict(streamId);

        // A projection that read an event before its redaction commits the old email; once every read model is past the
        // redacted events, what it wrote is in place and gets scrubbed below (and what it writes later is the tombstone).
        if (redacted.Count > 0)
            await waiter.WaitAsync(redacted[^1].Sequence, ReadModelNames.All, graphQL.Value.ReadYourWritesTimeout, cancellationToken);
        await scrubber.ScrubAsync(email, tombstone, cancellationToken);

        account.Email = tombstone;
        account.Name = ForgottenUser.TombstoneName;
        account.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(account, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        session.Update(account);
        session.DeleteWhere<ApiKeyRecord>(k => k.UserId == userId);
        session.DeleteWhere<RefreshTokenRecord>(t => t.UserId == userId);
        var record = new ForgottenUser { Id = userId, ForgottenAt = clock.GetUtcNow(), TombstoneEmail = tombstone, RedactedEvents = redacted.Count };
        session.Store(record);
        await session.SaveChangesAsync(cancellationToken);

        foreach (var workspaceId in redacted.Select(r => r.WorkspaceId).OfType<Guid>().Distinct())
        {
            await accessLog.RecordAsync(workspaceId, userId, AuditAccessAction.UserForgotten,
                $"user {userId} forgotten: {redacted.Count(r => r.WorkspaceId == workspaceId)} events redacted", origin, cancellationToken);
        }

        return record;
    }

    /// <summary>This node's cached state of a redacted stream (ADR 52); other nodes' caches keep theirs until evicted (ADR 114).</summary>
    private void Evict(string streamId)
    {
        stateCache.Evict<WorkspaceState>(streamId);
        stateCache.Evict<ProjectState>(streamId);
        stateCache.Evict<TaskState>(streamId);
        stateCache.Evict<CommentState>(streamId);
    }
}
