using Marten;
using TaskForge.Api.Commands;

namespace TaskForge.Api.Audit;

/// <summary>Records accesses to the audit trail and reads them back, newest first, by keyset on (time, id).</summary>
public sealed class AuditAccessLog(IDocumentStore store, TimeProvider clock)
{
    public async Task RecordAsync(Guid workspaceId, Guid actorId, AuditAccessAction action, string detail, RequestOrigin? origin, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(new AuditAccessRecord
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            ActorId = actorId,
            Action = action,
            Detail = detail,
            At = clock.GetUtcNow(),
            ClientIp = origin?.ClientIp,
            UserAgent = origin?.UserAgent,
        });
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> + 1 records of the workspace after the cursor (time, id) in newest-first order (the
    /// extra one tells whether a page follows). Records that share the cursor's microsecond are told apart by id here.
    /// </summary>
    public async Task<IReadOnlyList<AuditAccessRecord>> PageAsync(Guid workspaceId, (DateTimeOffset At, Guid Id)? after, int limit, CancellationToken cancellationToken)
    {
        const int SameInstantSlack = 32;
        await using var session = store.QuerySession();
        var query = session.Query<AuditAccessRecord>().Where(r => r.WorkspaceId == workspaceId);
        if (after is { } cursor)
            query = query.Where(r => r.At <= cursor.At);
        var records = await query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(limit + 1 + SameInstantSlack).ToListAsync(cancellationToken);
        return [.. records.Where(r => after is not { } c || r.At < c.At || r.Id.CompareTo(c.Id) < 0).Take(limit + 1)];
    }
}
