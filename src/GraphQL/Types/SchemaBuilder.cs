using TaskForge.GraphQL.DataLoader;
using TaskForge.GraphQL.Execution;

namespace TaskForge.GraphQL.Types;

/// <summary>
/// Builds a schema schema-first: the SDL says what the API is, and C# bindings say how each part is computed.
/// Fields without a bound resolver use the default resolver (a CLR property, case-insensitive, or a dictionary
/// entry named like the field). Every binding is checked at <see cref="Build"/>: binding a type or field the SDL
/// does not define is an error.
/// </summary>
/// <example>
/// <code>
/// var schema = SchemaBuilder.FromSdl(sdl)
///     .BindField("Query", "task", ctx => tasks.Find(ctx.GetArgument&lt;string&gt;("id")))
///     .BindScalar("DateTime", StandardScalars.DateTime)
///     .BindSubscription("Subscription", "taskChanged", ctx => feed.Listen(ctx.CancellationToken))
///     .Build();
/// </code>
/// </example>
public sealed partial class SchemaBuilder
{
    private readonly List<string> _documents = [];
    private bool _incrementalDelivery;
    private readonly Dictionary<(string Type, string Field), FieldResolver> _resolvers = [];
    private readonly Dictionary<(string Type, string Field), SubscriptionResolver> _subscribers = [];
    private readonly Dictionary<(string Type, string Field), int> _costs = [];
    private readonly Dictionary<string, IScalarCoercion> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, object>> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeResolver> _typeResolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<object, bool>> _isTypeOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Type>> _runtimeTypes = new(StringComparer.Ordinal);

    /// <summary>Starts a builder from an SDL document.</summary>
    public static SchemaBuilder FromSdl(string sdl) => new SchemaBuilder().AddSdl(sdl);

    /// <summary>Adds another SDL document (definitions or <c>extend</c> extensions).</summary>
    public SchemaBuilder AddSdl(string sdl)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        _documents.Add(sdl);
        return this;
    }

    /// <summary>
    /// Gives the schema graphql-js 17's <c>@defer</c> and <c>@stream</c> (unless the SDL defines them itself), so that
    /// operations may ask for incremental delivery (docs/adr/0038).
    /// </summary>
    public SchemaBuilder AddDeferAndStreamDirectives()
    {
        _incrementalDelivery = true;
        return this;
    }

    /// <summary>Binds a synchronous resolver; it must not block.</summary>
    public SchemaBuilder BindField(string typeName, string fieldName, Func<ResolveContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolvers[(typeName, fieldName)] = context => new ValueTask<object?>(resolver(context));
        return this;
    }

    /// <summary>Binds an asynchronous resolver.</summary>
    public SchemaBuilder BindField(string typeName, string fieldName, Func<ResolveContext, ValueTask<object?>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolvers[(typeName, fieldName)] = new FieldResolver(resolver);
        return this;
    }

    /// <summary>Binds a <see cref="Task{TResult}"/>-returning resolver.</summary>
    public SchemaBuilder BindFieldAsync<T>(string typeName, string fieldName, Func<ResolveContext, Task<T>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolvers[(typeName, fieldName)] = async context => await resolver(context).ConfigureAwait(false);
        return this;
    }

    /// <summary>
    /// Binds a field whose value comes from a per-request <see cref="BatchDataLoader{TKey, TValue}"/>:
    /// <paramref name="key"/> picks the key from the parent value, and keys of a whole level load in one batch.
    /// </summary>
    public SchemaBuilder BindBatchedField<TKey, TValue>(
        string typeName, string fieldName, Func<ResolveContext, TKey?> key, BatchLoadFunction<TKey, TValue> batch)
        where TKey : notnull
    {
        var loaderName = typeName + "." + fieldName;
        _resolvers[(typeName, fieldName)] = async context =>
        {
            var value = key(context);
            return value is null ? null : await context.GetDataLoader(loaderName, batch).LoadAsync(value).ConfigureAwait(false);
        };
        return this;
    }

    /// <summary>Binds the source stream of a subscription root field; each event becomes the field's value unless a resolver is bound too.</summary>
    public SchemaBuilder BindSubscription(string typeName, string fieldName, Func<ResolveContext, IAsyncEnumerable<object?>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        _subscribers[(typeName, fieldName)] = context => new ValueTask<IAsyncEnumerable<object?>>(subscribe(context));
        return this;
    }

    /// <summary>Binds an asynchronously created source stream of a subscription root field.</summary>
    public SchemaBuilder BindSubscription(string typeName, string fieldName, Func<ResolveContext, ValueTask<IAsyncEnumerable<object?>>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        _subscribers[(typeName, fieldName)] = new SubscriptionResolver(subscribe);
        return this;
    }

    /// <summary>Gives a custom scalar declared in the SDL its coercion rules (unbound scalars pass values through).</summary>
    public SchemaBuilder BindScalar(string scalarName, IScalarCoercion coercion)
    {
        ArgumentNullException.ThrowIfNull(coercion);
        _scalars[scalarName] = coercion;
        return this;
    }

    /// <summary>Maps enum value names to internal values (by default an enum value's internal value is its name).</summary>
    public SchemaBuilder BindEnum(string enumName, IReadOnlyDictionary<string, object> values)
    {
        _enums[enumName] = values;
        return this;
    }

    /// <summary>Maps enum values to members of <typeparamref name="TEnum"/>: SCREAMING_CASE names match PascalCase members.</summary>
    public SchemaBuilder BindEnum<TEnum>(string enumName)
        where TEnum : struct, Enum
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var member in Enum.GetValues<TEnum>())
        {
            values[Normalize(member.ToString())] = member;
        }

        _enums[enumName] = new EnumNameMap(values);
        return this;
    }

    /// <summary>Decides the object type of values returned for an interface or union.</summary>
    public SchemaBuilder BindTypeResolver(string abstractTypeName, TypeResolver resolver)
    {
        _typeResolvers[abstractTypeName] = resolver;
        return this;
    }

    /// <summary>Tells whether a value belongs to an object type (used when an abstract type has no type resolver).</summary>
    public SchemaBuilder BindIsTypeOf(string objectTypeName, Func<object, bool> isTypeOf)
    {
        _isTypeOf[objectTypeName] = isTypeOf;
        return this;
    }

    /// <summary>Values of CLR type <typeparamref name="T"/> are of the object type <paramref name="objectTypeName"/>.</summary>
    public SchemaBuilder BindRuntimeType<T>(string objectTypeName)
    {
        if (!_runtimeTypes.TryGetValue(objectTypeName, out var list))
        {
            _runtimeTypes[objectTypeName] = list = [];
        }

        list.Add(typeof(T));
        return this;
    }

    /// <summary>Sets the cost weight of a field for the cost analysis (default: 1; also settable with <c>@cost(weight:)</c> in SDL).</summary>
    public SchemaBuilder SetCost(string typeName, string fieldName, int weight)
    {
        _costs[(typeName, fieldName)] = weight;
        return this;
    }

    internal static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Lookup of enum values bound by CLR member name, ignoring case and underscores.</summary>
    private sealed class EnumNameMap(Dictionary<string, object> values) : Dictionary<string, object>(values, StringComparer.Ordinal);
}
