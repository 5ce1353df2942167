using System.Diagnostics;
using Marten;
using TaskForge.Storage.EventStore;
using TaskForge.Api.Commands.Appending;
using TaskForge.Api.Commands.Idempotency;
using TaskForge.Api.Commands.Loading;
using TaskForge.Api.Commands.Plans;
using TaskForge.Api.Commands.Telemetry;
using TaskForge.Domain;
using Wolverine.Runtime;

namespace TaskForge.Api.Commands;

/// <summary>
/// The one path every command takes, inside its Wolverine handler: load the target stream and its context streams from
/// Marten, fold them, decide (the deciders authorize from the workspace state), append with the version the state was
/// built from, and publish <see cref="Messaging.CommandCommitted"/> through the transactional outbox in the same
/// transaction. Conflicts, idempotency keys and store failures come back as <see cref="CommandResult"/> values
/// (ADRs 0050-0052, 0077).
/// </summary>
public sealed partial class CommandExecutor
{
    /// <summary>Attempts for a command that retries on conflict, before the conflict is reported.</summary>
    public const int MaxAttempts = 10;

    private readonly SessionSource _sessions;
    private readonly StateCache _cache;
    private readonly IEventAppender _appender;
    private readonly ILogger _logger;
    private readonly Conflicts.ISeenPosition? _seen;

    public CommandExecutor(
        IDocumentStore store, IWolverineRuntime runtime, StateCache cache, IEnumerable<Messaging.ICommitObserver> observers, ILogger<CommandExecutor> logger,
        Conflicts.ISeenPosition? seen = null)
        : this(new SessionSource(store, runtime, publishCommitted: observers.Any()), cache, MartenAppender.Instance, logger, seen)
    {
    }

    private CommandExecutor(SessionSource sessions, StateCache cache, IEventAppender appender, ILogger logger, Conflicts.ISeenPosition? seen)
    {
        _sessions = sessions;
        _cache = cache;
        _appender = appender;
        _logger = logger;
        _seen = seen;
    }

    /// <summary>The same executor with its appends going through <paramref name="wrap"/> (tests interleave writers or break connections).</summary>
    internal CommandExecutor WithAppender(Func<IEventAppender, IEventAppender> wrap) => new(_sessions, _cache, wrap(_appender), _logger, _seen);

    /// <summary>Loads streams with the state cache, on a query session (history readers and benchmarks use it).</summary>
    public StreamLoader Loader(IQuerySession session) => new(session, _cache);

    public async Task<CommandResult> ExecuteAsync(CommandPlan plan, CommandOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= CommandOptions.None;
        var commandType = plan.Command.GetType().Name;
        var requestTraceId = Activity.Current?.TraceId.ToHexString();
        using var activity = CommandTelemetry.Source.StartActivity("command " + commandType);
        activity?.SetTag("taskforge.command", commandType);
        activity?.SetTag("taskforge.stream_id", plan.StreamId);
        var started = Stopwatch.GetTimestamp();
        CommandResult result;
        try
        {
            result = await RunAsync(plan, options, requestTraceId ?? activity?.TraceId.ToHexString(), cancellationToken);
        }
        catch (Exception e) when (AppendFailure.IsUnavailable(e))
        {
            _logger.LogWarning(e, "Command {CommandType} on {StreamId}: the event store is unavailable", commandType, plan.StreamId);
            result = Unavailable(e.Message);
        }

        activity?.SetTag("taskforge.outcome", result is CommandResult.Failed failed ? failed.Code : "OK");
        CommandTelemetry.Record(commandType, result, Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async Task<CommandResult> RunAsync(CommandPlan plan, CommandOptions options, string? traceId, CancellationToken cancellationToken)
    {
        if (IdempotencyKey.TryCreate(plan.ActorId, options.IdempotencyKey, out var key) is { } invalidKey)
            return new CommandResult.Failed(invalidKey);
        if (options.ExpectedVersion is < 0)
            return new CommandResult.Failed(DomainError.Validation("expectedVersion must be 0 or more.", "expectedVersion"));
        var commandId = options.CommandId ?? key?.CommandId ?? Guid.CreateVersion7();
        var write = new WriteContext(plan, key, key is null ? null : options.Intent is { } intent ? CommandFingerprint.OfIntent(plan.Command, intent) : CommandFingerprint.Of(plan.Command), options.CorrelationId ?? traceId ?? commandId.ToString("N"), commandId, options.Origin);

        var commandTag = new TagList { { "command", plan.Command.GetType().Name } };
        var seenAtStart = _seen?.Position ?? 0;
        StreamLoader? stale = null;
        var staleAtAppend = false;
        for (var attempt = 1; ; attempt++)
        {
            await using var attemptScope = _sessions.Open(write);
            var session = attemptScope.Session;

            // The key is looked up before the loads. A first try that committed before the lookup is found here; one
            // that committed between the lookup and the loads is in the loaded state, so deciding again cannot append
            // (its event ids are stored: the append answers ids reused, then the key is looked up again), and any
            // outcome that appends nothing looks the key up again before it is returned.
            if (await ReplayAsync(session, write, cancellationToken) is { } replayed)
                return replayed;

            // The first attempt decides on cached states without reading them when it can (ADR 0125). When it cannot
            // append, the next attempt reads each stream from the state it trusted and decides again.
            var loader = stale?.Resume(session) ?? new StreamLoader(session, _cache, trustCache: attempt == 1);
            var decided = await plan.DecideAsync(loader, cancellationToken);
            if (staleAtAppend && options.ExpectedVersion is null && loader.NewestSequenceRead(plan.StreamId) > seenAtStart)
            {
                // The target changed while the command ran, after the state it was decided on: the conflict of ADR 0051.
                CommandTelemetry.Conflicts.Add(1, commandTag);
                if (await ReplayAsync(write, cancellationToken) is { } winner)
                    return winner;
                if (!Conflicts.ConflictPolicy.RetriesOnConflict(plan.Command) || attempt >= MaxAttempts)
                    return Conflict(decided.Version);
                CommandTelemetry.Retries.Add(1, commandTag);
            }

            var trusted = loader.TrustedStreams;
            (stale, staleAtAppend) = (null, false);
            if (WithoutAppend(decided, options, plan) is { } settled)
            {
                if (trusted.Count > 0)
                {
                    stale = loader;
                    continue;
                }

                return await ReplayAsync(session, write, cancellationToken) ?? settled;
            }

            var events = write.ToEvents(decided.Events);
            await attemptScope.PublishCommittedAsync(decided.Version + events.Count, events);
            var outcome = await AppendAsync(
                plan, decided.Version, events, [.. trusted.Where(s => s.StreamId != plan.StreamId)], attemptScope, cancellationToken);
            if (trusted.Count > 0 && outcome is AppendOutcome.Conflict or AppendOutcome.StaleCache)
            {
                CommandTelemetry.StaleCache.Add(1, commandTag);
                loader.ForgetTrusted();
                (stale, staleAtAppend) = (loader, true);
                continue;
            }

            switch (outcome)
            {
                case AppendOutcome.Stored stored:
                    decided.Remember?.Invoke(_cache);
                    await attemptScope.FlushAsync();
                    return new CommandResult.Succeeded(plan.StreamId, stored.StreamVersion, stored.Positions, plan.CreatedId);
                case AppendOutcome.IdsReused:
                    // Another try of this key won the race; the ledger tells its result (or that the key meant another command).
                    return await ReplayAsync(write, cancellationToken) ?? Conflict(await CurrentVersionAsync(plan, cancellationToken));
                case AppendOutcome.Unknown unknown:
                    _logger.LogWarning("Command {CommandType} on {StreamId}: append outcome unknown twice: {Detail}", plan.Command.GetType().Name, plan.StreamId, unknown.Detail);
                    return Unavailable(unknown.Detail);
                case AppendOutcome.Conflict:
                    CommandTelemetry.Conflicts.Add(1, commandTag);
                    if (await ReplayAsync(write, cancellationToken) is { } winner)
                        return winner;
                    if (options.ExpectedVersion is not null || !Conflicts.ConflictPolicy.RetriesOnConflict(plan.Command) || attempt >= MaxAttempts)
                        return Conflict(await CurrentVersionAsync(plan, cancellationToken));
                    CommandTelemetry.Retries.Add(1, commandTag);
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, attempt * 2)), cancellationToken);
                    break;
            }
        }
    }

    private static CommandResult? WithoutAppend(DecisionAttempt decided, CommandOptions options, CommandPlan plan)
    {
        if (decided.Error is { } error)
            return new CommandResult.Failed(error);
        if (options.ExpectedVersion is { } seen && seen != decided.Version)
            return Conflict(decided.Version);
        return decided.Events.Count == 0 ? new CommandResult.Succeeded(plan.StreamId, decided.Version, [], plan.CreatedId) : null;
    }

    private async Task<CommandResult?> ReplayAsync(WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Key is null)
            return null;
        await using var session = _sessions.Query();
        return await ReplayAsync(session, write, cancellationToken);
    }

    private static async Task<CommandResult?> ReplayAsync(IQuerySession session, WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Key is null || await IdempotencyLedger.FindAsync(session, write.Key, cancellationToken) is not { } stored)
            return null;
        if (stored.Fingerprint != write.Fingerprint)
        {
            return new CommandResult.Failed(new DomainError(
                CommandErrorCodes.IdempotencyKeyReused,
                "This idempotency key was already used for a different command; use a new key for a new command."));
        }

        CommandTelemetry.Replays.Add(1);
        return new CommandResult.Succeeded(stored.StreamId, stored.Version, stored.Positions, write.Plan.CreatedId);
    }

    private async Task<long> CurrentVersionAsync(CommandPlan plan, CancellationToken cancellationToken)
    {
        await using var session = _sessions.Query();
        return (await plan.DecideAsync(Loader(session), cancellationToken)).Version;
    }

    private static CommandResult.Failed Conflict(long currentVersion) =>
        new(new DomainError(ErrorCodes.Conflict, $"The data changed since it was read (now at version {currentVersion}); reload and try again."), currentVersion);

    /// <summary>The client gets a fixed message; the store's detail goes to the command's span only.</summary>
    private static CommandResult.Failed Unavailable(string detail)
    {
        Activity.Current?.SetStatus(ActivityStatusCode.Error, detail);
        return new(new DomainError(
            CommandErrorCodes.Unavailable, "The event store is unavailable; retry the command with the same idempotency key."));
    }
}
