using System.Collections.Immutable;

namespace TaskForge.Domain.Projects;

public abstract record ProjectState
{
    public static ProjectState Initial { get; } = new NotCreated();

    public sealed record NotCreated : ProjectState;

    /// <param name="RemovedColumns">Each removed column and the column its tasks moved to.</param>
    public sealed record Created(
        Guid ProjectId,
        Guid WorkspaceId,
        string Name,
        string Description,
        ImmutableList<BoardColumn> Columns,
        ImmutableDictionary<Guid, Guid> RemovedColumns,
        bool IsArchived) : ProjectState
    {
        public BoardColumn? Column(Guid columnId) => Columns.Find(c => c.ColumnId == columnId);

        public bool HasColumn(Guid columnId) => Column(columnId) is not null;

        public Guid FirstColumnId => Columns[0].ColumnId;

        /// <summary>
        /// The board column a task placed in <paramref name="columnId"/> shows in now, following
        /// removed columns to where their tasks moved; null for a column this board never had.
        /// </summary>
        public Guid? ResolveColumn(Guid columnId)
        {
            var current = columnId;
            for (var hops = 0; hops <= RemovedColumns.Count; hops++)
            {
                if (HasColumn(current))
                    return current;
                if (!RemovedColumns.TryGetValue(current, out current))
                    return null;
            }

            return null;
        }
    }
}
