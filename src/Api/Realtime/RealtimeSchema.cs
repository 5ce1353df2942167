using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using TaskForge.Api.Schema;
using TaskForge.GraphQL;
using TaskForge.GraphQL.Types;
using TaskForge.Realtime;
using TaskForge.Realtime.Fanout;
using TaskForge.Realtime.Hub;

namespace TaskForge.Api.Realtime;

/// <summary>
/// <c>subscription { events(scopes, after) }</c>: the hub's stream over graphql-transport-ws (and graphql-sse), made on
/// the same <see cref="EventFanout"/>, with the same resume, authorization and bounds (ADR 0101).
/// </summary>
public static class RealtimeSchema
{
    public const string ResyncRequired = "RESYNC_REQUIRED";

    public static SchemaBuilder BindRealtime(this SchemaBuilder schema, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var fanout = services.GetRequiredService<EventFanout>();
        var parser = services.GetRequiredService<IScopeParser>();
        var options = services.GetRequiredService<IOptions<RealtimeOptions>>();
        var metrics = services.GetRequiredService<RealtimeMetrics>();
        return schema.BindSubscription("Subscription", "events", async ctx =>
        {
            var caller = Caller.Require(ctx);
            var scopes = new List<Scope>();
            foreach (var text in (ctx.Arguments["scopes"] as IEnumerable<object?> ?? []).Select(s => s as string ?? ""))
            {
                scopes.Add(parser.Parse(text)
                    ?? throw new GraphQLException($"'{(text.Length > 80 ? text[..80] : text)}' is not a scope (workspace:<id>, project:<id>, task:<id> or me).", "VALIDATION"));
            }

            var sink = new ChannelSink(checked((int)options.Value.MaxReplayEvents) + 64);
            var request = new SubscriptionRequest(caller.Id, caller.Email, scopes, ctx.GetArgument<long?>("after"));
            return await fanout.SubscribeAsync(request, sink, ctx.CancellationToken) switch
            {
                SubscribeResult.Subscribed subscribed => Stream(subscribed.Subscription, sink, metrics, CancellationToken.None),
                SubscribeResult.ResyncRequired resync => throw new GraphQLException($"Resync required: {resync.Reason}.", ResyncRequired),
                SubscribeResult.Refused { Scope.Length: 0 } refused => throw new GraphQLException(refused.Reason, "VALIDATION"),
                SubscribeResult.Refused refused => throw new GraphQLException($"{refused.Scope} was not found or you are not a member.", "NOT_FOUND"),
                var other => throw new InvalidOperationException($"Unknown subscribe result {other}"),
            };
        });
    }

    private static async IAsyncEnumerable<object?> Stream(Subscription subscription, ChannelSink sink, RealtimeMetrics metrics, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        metrics.SubscriptionOpened();
        try
        {
            await foreach (var message in sink.Reader.ReadAllAsync(cancellationToken))
                yield return message;
            if (sink.EndReason is { } reason)
                yield return ChannelSink.Message("ENDED", reason: reason);
        }
        finally
        {
            metrics.SubscriptionClosed();
            await subscription.DisposeAsync();
        }
    }
}
