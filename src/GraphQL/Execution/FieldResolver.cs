namespace TaskForge.GraphQL.Execution;

/// <summary>Produces a field's value. Synchronous resolvers return a completed <see cref="ValueTask{TResult}"/> (no allocation).</summary>
public delegate ValueTask<object?> FieldResolver(ResolveContext context);

/// <summary>Creates the source event stream of a subscription root field; each event is then resolved like a query.</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscriptionResolver(ResolveContext context);
