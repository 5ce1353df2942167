using System.Security.Claims;
using TaskForge.GraphQL.DataLoader;
using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>
/// Everything a resolver may look at: its parent value, coerced arguments, the request and the path.
/// A context is valid until the resolver's result completes: do not keep it for later (the engine reuses
/// the contexts of synchronously completed leaf fields).
/// </summary>
public sealed class ResolveContext
{
    [ThreadStatic]
    private static ResolveContext? _cached;

    private ExecutionState _state;
    private CollectedField _field;
    private PathRef _path;

    internal ResolveContext(ExecutionState state, object? source, IReadOnlyDictionary<string, object?> arguments, CollectedField field, PathRef path)
    {
        _state = state;
        Source = source;
        Arguments = arguments;
        _field = field;
        _path = path;
    }

    /// <summary>The parent object's value (the root value for root fields, the event for subscription fields).</summary>
    public object? Source { get; private set; }

    /// <summary>Arguments after coercion: defaults applied, variables substituted, enums and scalars parsed.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; private set; }

    public ObjectType ParentType => _field.ParentType;

    public FieldDefinition Field => _field.Definition!;

    public string FieldName => Field.Name;

    /// <summary>The response key (alias or name) this value is written under.</summary>
    public string ResponseKey => _field.ResponseKey;

    public IReadOnlyList<FieldNode> FieldNodes => _field.Nodes;

    public RequestContext RequestContext => _state.RequestContext;

    public IServiceProvider? Services => _state.RequestContext.Services;

    public ClaimsPrincipal? User => _state.RequestContext.User;

    public IDictionary<string, object?> Items => _state.RequestContext.Items;

    public CancellationToken CancellationToken => _state.CancellationToken;

    public Schema Schema => _state.Schema;

    public IReadOnlyDictionary<string, object?> Variables => _state.Variables;

    /// <summary>Response keys and list indices from the root to this field.</summary>
    public IReadOnlyList<object> Path => _path.ToList();

    internal static ResolveContext Rent(ExecutionState state, object? source, IReadOnlyDictionary<string, object?> arguments, CollectedField field, PathRef path)
    {
        var context = _cached;
        if (context is null)
        {
            return new ResolveContext(state, source, arguments, field, path);
        }

        _cached = null;
        context._state = state;
        context.Source = source;
        context.Arguments = arguments;
        context._field = field;
        context._path = path;
        return context;
    }

    internal static void Return(ResolveContext context)
    {
        context._state = null!;
        context.Source = null;
        context.Arguments = null!;
        context._field = null!;
        context._path = default;
        _cached = context;
    }

    /// <summary>True when the argument was given (or has a default).</summary>
    public bool HasArgument(string name) => Arguments.ContainsKey(name);

    /// <summary>The coerced argument converted to <typeparamref name="T"/>; default when absent or null.</summary>
    public T? GetArgument<T>(string name) =>
        Arguments.TryGetValue(name, out var value) ? ValueConverter.ConvertTo<T>(value) : default;

    /// <summary>
    /// The per-request loader named <paramref name="name"/>, created on first use with <paramref name="batch"/>.
    /// Loads queued while the executor works on one level are sent as one batch.
    /// </summary>
    public BatchDataLoader<TKey, TValue> GetDataLoader<TKey, TValue>(string name, BatchLoadFunction<TKey, TValue> batch)
        where TKey : notnull =>
        _state.DataLoaders.GetOrAdd(name, batch);
}
