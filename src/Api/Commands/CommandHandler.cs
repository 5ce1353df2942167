using Microsoft.Extensions.Logging.Abstractions;
using TaskForge.Api.Commands.Appending;
using TaskForge.Api.Commands.Idempotency;
using TaskForge.Api.Commands.Loading;
using TaskForge.Api.Commands.Plans;
using TaskForge.Domain;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Inboxes;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;
using TaskForge.EventStore;
using TaskForge.EventStore.Serialization;

namespace TaskForge.Api.Commands;

/// <summary>
/// The one path every command takes: load the target stream and its context streams, fold them, decide (the deciders
/// authorize from the workspace state), append with the version the state was built from. Conflicts, idempotency keys
/// and store failures come back as <see cref="CommandResult"/> values (ADRs 0050-0052).
/// </summary>
public sealed partial class CommandHandler : IDisposable
{
    private readonly StreamLoader _loader;
    private readonly IdempotencyLedger _ledger;
    private readonly JsonEventSerializer _serializer;
    private readonly IEventAppender _appender;
    private readonly StateCache _cache;
    private readonly bool _ownsCache;
    private readonly ILogger _logger;

    /// <param name="store">The event store.</param>
    /// <param name="cache">Folded states of long streams; null gives a default one (10,000 states of 100+ events).</param>
    /// <param name="logger">Where store failures are logged.</param>
    public CommandHandler(PostgresEventStore store, StateCache? cache = null, ILogger<CommandHandler>? logger = null)
        : this(store, new StoreAppender(store), cache, logger)
    {
    }

    internal CommandHandler(PostgresEventStore store, IEventAppender appender, StateCache? cache = null, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(store);
        _serializer = new JsonEventSerializer(DomainEventTypes.ByName);
        _ownsCache = cache is null;
        _cache = cache ?? new StateCache();
        _loader = new StreamLoader(store, _serializer, _cache);
        _ledger = new IdempotencyLedger(store);
        _appender = appender;
    }

    /// <summary>Loads streams with the domain's event types (also used by the history reader and the benchmark).</summary>
    public StreamLoader Loader => _loader;

    public void Dispose()
    {
        if (_ownsCache)
            _cache.Dispose();
    }

    public Task<CommandResult> HandleAsync(WorkspaceCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new WorkspaceCommandPlan(command ?? throw new ArgumentNullException(nameof(command))), options, cancellationToken);

    public Task<CommandResult> HandleAsync(ProjectCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new ProjectCommandPlan(command ?? throw new ArgumentNullException(nameof(command))), options, cancellationToken);

    public Task<CommandResult> HandleAsync(TaskCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new TaskCommandPlan(command ?? throw new ArgumentNullException(nameof(command))), options, cancellationToken);

    public Task<CommandResult> HandleAsync(CommentCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new CommentCommandPlan(command ?? throw new ArgumentNullException(nameof(command))), options, cancellationToken);

    public Task<CommandResult> HandleAsync(InboxCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new InboxCommandPlan(command ?? throw new ArgumentNullException(nameof(command))), options, cancellationToken);
}
