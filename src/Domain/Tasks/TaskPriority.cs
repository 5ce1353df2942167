namespace TaskForge.Domain.Tasks;

public enum TaskPriority
{
    None,
    Low,
    Medium,
    High,
    Urgent,
}
