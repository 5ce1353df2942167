using JasperFx.Events.Daemon;
using Marten;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Versions;

namespace TaskForge.Projections.Admin;

/// <summary>What an admin asks from any node: each read model's version and progress, and the dead letters to list and replay.</summary>
public sealed class ProjectionAdmin(IDocumentStore store, ReadModelCatalog catalog, ReadModelVersions versions, ProjectionProgress progress)
{
    public async Task<IReadOnlyList<ProjectionState>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await progress.ReadAsync(cancellationToken);
        var mark = ProjectionProgress.HighWaterMark(rows);
        var letters = await DeadLettersAsync(cancellationToken);
        var states = new List<ProjectionState>();
        foreach (var projection in catalog.Projections)
        {
            states.Add(new ProjectionState(
                projection.Name,
                await versions.ServingVersionAsync(projection.Name, cancellationToken),
                projection.Version,
                ProjectionProgress.Of(rows, projection.MartenName),
                mark,
                letters.Count(l => l.ProjectionName == projection.MartenName)));
        }

        return states;
    }

    /// <summary>How far this code's version of the projection has applied the log (0 before its first event).</summary>
    public async Task<long> ProgressionAsync(string projection, CancellationToken cancellationToken = default)
    {
        var version = catalog.Projections.First(p => p.Name == projection);
        return ProjectionProgress.Of(await progress.ReadAsync(cancellationToken), version.MartenName);
    }

    /// <summary>Events a projection failed on and set aside (Marten's dead-letter storage), oldest first.</summary>
    public async Task<IReadOnlyList<DeadLetterEvent>> DeadLettersAsync(CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        var letters = await session.Query<DeadLetterEvent>().ToListAsync(cancellationToken);
        return [.. letters.OrderBy(l => l.EventSequence)];
    }

    /// <summary>
    /// Applies a dead-lettered event again (after its cause was fixed) and removes the dead letter, in one transaction.
    /// False when there is no such dead letter or the projection is not one this code runs.
    /// </summary>
    public async Task<bool> ReplayAsync(Guid deadLetterId, CancellationToken cancellationToken = default)
    {
        await using var session = store.LightweightSession();
        var letter = await session.LoadAsync<DeadLetterEvent>(deadLetterId, cancellationToken);
        if (letter is null || catalog.ByMartenName(letter.ProjectionName) is not { } projection)
            return false;
        var events = await session.Events.QueryAllRawEvents().Where(e => e.Sequence == letter.EventSequence).ToListAsync(cancellationToken);
        projection.Queue(session, events);
        session.Delete(letter);
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }
}
