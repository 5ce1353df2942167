namespace TaskForge.Api.Audit;

/// <summary>What an auditor did (ADR 0112).</summary>
public enum AuditAccessAction
{
    AuditLogRead,
    StateRead,
    Exported,
    IntegrityVerified,
    UserForgotten,
}

/// <summary>
/// One access to a workspace's audit trail, stored as a Marten document (not an event: the realtime fan-out and the
/// members' history must not show who audited, ADR 0112): who, what, when and from where.
/// </summary>
public sealed class AuditAccessRecord
{
    public Guid Id { get; set; }

    public Guid WorkspaceId { get; set; }

    public Guid ActorId { get; set; }

    public AuditAccessAction Action { get; set; }

    /// <summary>What was read: the filter, the stream and point in time, the exported range.</summary>
    public string Detail { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string? ClientIp { get; set; }

    public string? UserAgent { get; set; }
}
