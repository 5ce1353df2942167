namespace TaskForge.Domain.Tasks;

public abstract record TaskState
{
    public static TaskState Initial { get; } = new NotCreated();

    public sealed record NotCreated : TaskState;

    public sealed record Active(TaskDetails Details) : TaskState;

    /// <summary>Soft-deleted: gone from the board, kept for history.</summary>
    public sealed record Deleted(TaskDetails Details) : TaskState;
}
