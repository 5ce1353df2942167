using Npgsql;
using TaskForge.Projections.Access;

namespace TaskForge.Projections.Board;

/// <summary>Reads projects (without their boards) for members of their workspace.</summary>
public sealed class ProjectReader(ReadModelDatabase database)
{
    private readonly string _schema = database.Schema;

    /// <summary>The projects of a workspace by name, archived ones included; empty when the user is not a member.</summary>
    public Task<IReadOnlyList<ProjectSummary>> InWorkspaceAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default) =>
        QueryAsync("p.workspace_id = $1", workspaceId, userId, cancellationToken);

    /// <summary>Those of the projects that exist and that the user may see (one query, for batch loading).</summary>
    public async Task<IReadOnlyDictionary<Guid, ProjectSummary>> GetManyAsync(
        Guid userId, IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectIds);
        if (projectIds.Count == 0)
        {
            return new Dictionary<Guid, ProjectSummary>();
        }

        var projects = await QueryAsync("p.project_id = ANY($1)", projectIds.ToArray(), userId, cancellationToken);
        return projects.ToDictionary(p => p.ProjectId);
    }

    private async Task<IReadOnlyList<ProjectSummary>> QueryAsync(string condition, object key, Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT p.project_id, p.workspace_id, p.name, p.description, p.archived, p.version, p.event_id FROM {_schema}.board_projects p
            WHERE {condition} AND {MemberFilter.IsMember(_schema, "p.workspace_id", "$2")}
            ORDER BY p.name, p.project_id
            """, key, userId);
        var result = new List<ProjectSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new ProjectSummary(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4),
                reader.GetInt64(5), reader.GetInt64(6)));
        }

        return result;
    }
}
