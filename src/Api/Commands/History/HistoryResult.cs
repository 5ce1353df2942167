using TaskForge.Domain;

namespace TaskForge.Api.Commands.History;

public abstract record HistoryResult
{
    private HistoryResult()
    {
    }

    public sealed record Read(IReadOnlyList<HistoryEntry> Entries) : HistoryResult;

    public sealed record Denied(DomainError Error) : HistoryResult;
}
