namespace TaskForge.Projections.Search;

/// <summary>Full-text search over tasks and comments, ranked, in the workspaces the user belongs to.</summary>
public sealed class SearchReader(ReadModelDatabase database)
{
    public const int MaxResults = 100;
    public const int MaxQueryLength = 500;
    private readonly string _schema = database.Schema;

    /// <param name="query">Web-search syntax: words, "quoted phrases", -excluded, or; the last word of a plain query, still being typed, is a prefix (<see cref="SearchQuery"/>).</param>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        Guid userId, string query, int first = 20, Guid? workspaceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > MaxQueryLength)
        {
            throw new ArgumentException($"A search query has at most {MaxQueryLength} characters.", nameof(query));
        }

        if (first is < 1 or > MaxResults)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, $"A search returns 1 to {MaxResults} results.");
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        // The prefix is matched on the unstemmed words ('simple'), the whole words on the stemmed document ('english');
        // the snippet marks both. An empty tsquery (only stop words, or only the prefix) matches everything it is ANDed with.
        // The filter is chosen here, not by a CASE in SQL, so that each form can use its GIN index.
        var typed = SearchQuery.Parse(query);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            WITH q AS (
                SELECT websearch_to_tsquery('english', $2) AS words,
                       CASE WHEN $7::text IS NULL THEN NULL ELSE to_tsquery('simple', quote_literal($7::text) || ':*') END AS prefix),
            hits AS (
                SELECT d.*, ts_rank_cd(d.document, q.words) AS rank FROM {_schema}.search_documents d, q
                WHERE {(typed.Prefix is null ? "d.document @@ q.words" : "d.words @@ q.prefix AND (numnode(q.words) = 0 OR d.document @@ q.words)")}
                  AND ($4::uuid IS NULL OR d.workspace_id = $4)
                  AND EXISTS (SELECT 1 FROM {_schema}.workspace_members m WHERE m.workspace_id = d.workspace_id AND m.user_id = $1)
                ORDER BY rank DESC, d.updated_at DESC, d.document_id LIMIT $3)
            SELECT h.kind, h.document_id, h.task_id, h.project_id, h.workspace_id, coalesce(t.title, ''),
                   ts_headline('english', x.text,
                       CASE WHEN q.prefix IS NULL THEN q.words ELSE q.words && to_tsquery('english', quote_literal($7::text) || ':*') END,
                       CASE WHEN length(x.text) <= $8 THEN $9 ELSE $6 END),
                   h.rank
            FROM hits h CROSS JOIN q
            CROSS JOIN LATERAL (SELECT translate(CASE WHEN h.kind = 'task' THEN concat_ws(' ', h.title, nullif(h.body, '')) ELSE h.body END, $5, '') AS text) x
            LEFT JOIN {_schema}.search_documents t ON t.document_id = h.task_id AND t.kind = 'task'
            ORDER BY h.rank DESC, h.updated_at DESC, h.document_id
            """, userId, typed.Words, first, workspaceId, SearchSnippet.Marks, SearchSnippet.HeadlineOptions, typed.Prefix,
            SearchSnippet.WholeTextLength, SearchSnippet.WholeTextOptions);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit(reader.GetString(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetGuid(4), reader.GetString(5),
                SearchSnippet.ToHtml(reader.GetString(6)), reader.GetFloat(7)));
        }

        return hits;
    }
}
