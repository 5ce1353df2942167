using TaskForge.Domain.Comments;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Events;

namespace TaskForge.Projections.Search;

/// <summary>
/// Full-text documents for tasks (title weighted above description) and comments, as tsvectors with a GIN index.
/// The 'english' configuration stems words, so "deploying" finds "deploy"; the unstemmed words ('simple') serve the
/// prefix of a query still being typed, so "announcem" finds "announcement" (ADR 0133).
/// </summary>
public sealed class SearchProjection : DomainProjection
{
    public const string Documents = "search_documents";

    /// <summary>The documents of deleted tasks (the task's and its comments'), kept for a restore (ADR 0140).</summary>
    public const string DeletedDocuments = "search_deleted_documents";

    // The stored columns; the tsvectors are generated from them.
    private const string StoredColumns = "document_id, kind, task_id, project_id, workspace_id, title, body, updated_at";

    public override string Name => "search";

    public override int Version => 3;

    protected override IReadOnlyList<Type> EventFamilies { get; } = [typeof(TaskEvent), typeof(CommentEvent)];

    public override IReadOnlyList<string> Tables => [Documents, DeletedDocuments];

    public override string CreateTablesSql(ProjectionTables t) => $"""
        CREATE TABLE {t[Documents]} (
            document_id uuid PRIMARY KEY, kind text NOT NULL, task_id uuid NOT NULL, project_id uuid NOT NULL, workspace_id uuid NOT NULL,
            title text NOT NULL, body text NOT NULL, updated_at timestamptz NOT NULL,
            document tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) STORED,
            words tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || body)) STORED);
        CREATE INDEX {t.Local(Documents)}_document ON {t[Documents]} USING gin (document);
        CREATE INDEX {t.Local(Documents)}_words ON {t[Documents]} USING gin (words);
        CREATE INDEX {t.Local(Documents)}_task ON {t[Documents]} (task_id);
        CREATE TABLE {t[DeletedDocuments]} (
            document_id uuid PRIMARY KEY, kind text NOT NULL, task_id uuid NOT NULL, project_id uuid NOT NULL, workspace_id uuid NOT NULL,
            title text NOT NULL, body text NOT NULL, updated_at timestamptz NOT NULL);
        CREATE INDEX {t.Local(DeletedDocuments)}_task ON {t[DeletedDocuments]} (task_id);
        """;

    public override void Plan(ProjectedEvent e, ProjectionTables t, SqlBatch sql)
    {
        var documents = t[Documents];
        switch (e.Event)
        {
            case TaskEvent.TaskCreated c:
                sql.Add($"INSERT INTO {documents} VALUES ($1, 'task', $1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
                    c.TaskId, c.ProjectId, c.WorkspaceId, c.Title, c.Description, e.At);
                break;
            case TaskEvent.TaskRenamed r:
                sql.Add($"UPDATE {documents} SET title = $2, updated_at = $3 WHERE document_id = $1", r.TaskId, r.Title, e.At);
                break;
            case TaskEvent.TaskDescriptionEdited d:
                sql.Add($"UPDATE {documents} SET body = $2, updated_at = $3 WHERE document_id = $1", d.TaskId, d.Description, e.At);
                break;
            case TaskEvent.TaskDeleted d:
                sql.Add(ProjectionArchive.Move(documents, t[DeletedDocuments], "task_id", StoredColumns), d.TaskId);
                break;
            case TaskEvent.TaskRestored r:
                sql.Add(ProjectionArchive.Move(t[DeletedDocuments], documents, "task_id", StoredColumns), r.TaskId);
                break;
            case CommentEvent.CommentAdded c:
                sql.Add($"INSERT INTO {documents} VALUES ($1, 'comment', $2, $3, $4, '', $5, $6) ON CONFLICT DO NOTHING",
                    c.CommentId, c.TaskId, c.ProjectId, c.WorkspaceId, c.Body, e.At);
                break;
            case CommentEvent.CommentEdited c:
                sql.Add($"UPDATE {documents} SET body = $2, updated_at = $3 WHERE document_id = $1", c.CommentId, c.Body, e.At);
                break;
            case CommentEvent.CommentDeleted c:
                sql.Add($"DELETE FROM {documents} WHERE document_id = $1", c.CommentId);
                break;
        }
    }
}
