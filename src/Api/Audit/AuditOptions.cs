namespace TaskForge.Api.Audit;

/// <summary>Settings of the auditors' feature (section <c>Audit</c>).</summary>
public sealed record AuditOptions
{
    /// <summary>The PostgreSQL schema of Marten's event tables (<c>TaskForge:Schema</c>).</summary>
    public string Schema { get; init; } = "taskforge";

    /// <summary>Events per keyset page of an export (one query each; memory holds one page).</summary>
    public int ExportPageSize { get; init; } = 5000;

    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;
}
