using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TaskForge.GraphQL.Http;

namespace TaskForge.GraphQL.ServerSentEvents;

/// <summary>
/// Single connection mode: <c>PUT</c> reserves a stream (201 and a token); a GET accepting
/// <c>text/event-stream</c> with the token opens it; POSTs with the token and <c>extensions.operationId</c> run
/// operations (202) whose events go through that stream as <c>{id, payload}</c>; <c>DELETE ?operationId=</c>
/// stops one. The stream closing stops all of them.
/// </summary>
internal sealed partial class GraphQLSseHandler
{
    private SseReservations? _reservations;

    private SseReservations Reservations => LazyInitializer.EnsureInitialized(ref _reservations, () => new SseReservations(options, TimeProvider.System));

    private async Task HandleSingleConnectionAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var request = context.Request;
        if (HttpMethods.IsPut(request.Method))
        {
            await ReserveAsync(context, cancellationToken);
            return;
        }

        var reservation = Reservations.Find(Token(request)!);
        if (reservation is null)
        {
            await WriteHttpErrorAsync(context, StatusCodes.Status404NotFound, "No stream is reserved with this token: reserve one with PUT.", cancellationToken);
            return;
        }

        if (HttpMethods.IsDelete(request.Method))
        {
            if (reservation.Operations.TryRemove(request.Query["operationId"].ToString(), out var operation))
            {
                await operation.CancelAsync();
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (AcceptsEventStream(request) && HttpMethods.IsGet(request.Method))
        {
            await StreamAsync(context, reservation, cancellationToken);
            return;
        }

        await StartOperationAsync(context, reservation, cancellationToken);
    }

    private async Task ReserveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            await http.ContextFactory(context);
        }
        catch (GraphQLRequestRejectedException rejected)
        {
            await WriteHttpErrorAsync(context, rejected.StatusCode, rejected.Message, cancellationToken);
            return;
        }

        if (Reservations.Create() is not { } reservation)
        {
            await WriteHttpErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "Too many event streams are reserved; try again later.", cancellationToken);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(reservation.Token, cancellationToken);
    }

    private async Task StreamAsync(HttpContext context, SseReservations.Reservation reservation, CancellationToken cancellationToken)
    {
        if (!reservation.TryConnect())
        {
            await WriteHttpErrorAsync(context, StatusCodes.Status409Conflict, "A stream already fulfils this reservation.", cancellationToken);
            return;
        }

        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, reservation.Lifetime.Token);
        var stream = await SseStream.StartAsync(context.Response, cancellationToken);
        var keepAlive = stream.KeepAliveAsync(options.KeepAliveInterval, ended.Token);
        try
        {
            await foreach (var message in reservation.Events.Reader.ReadAllAsync(ended.Token))
            {
                await stream.WriteAsync(message, ended.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client closed the stream.
        }
        finally
        {
            await Reservations.RemoveAsync(reservation);
            await keepAlive;
        }
    }

    private async Task StartOperationAsync(HttpContext context, SseReservations.Reservation reservation, CancellationToken cancellationToken)
    {
        var (request, requestContext, prepared) = await ReadAndPrepareAsync(context, cancellationToken);
        if (request is null)
        {
            return;
        }

        if (request.Extensions?.GetValueOrDefault("operationId") is not string operationId || operationId.Length == 0)
        {
            await WriteHttpErrorAsync(context, StatusCodes.Status400BadRequest, "Operations on a reserved stream need extensions.operationId.", cancellationToken);
            return;
        }

        if (!prepared!.IsSuccess)
        {
            var mediaType = AcceptNegotiation.Choose(context.Request.Headers.Accept) ?? ResponseMediaType.Json;
            var status = mediaType == ResponseMediaType.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
            await GraphQLHttpResponseWriter.WriteAsync(context.Response, mediaType, status, prepared.ToErrorResult(), cancellationToken);
            return;
        }

        if (reservation.Operations.Count >= options.MaxOperationsPerStream)
        {
            await WriteHttpErrorAsync(context, StatusCodes.Status409Conflict, $"This stream already runs {options.MaxOperationsPerStream} operations.", cancellationToken);
            return;
        }

        var operation = CancellationTokenSource.CreateLinkedTokenSource(reservation.Lifetime.Token);
        if (!reservation.Operations.TryAdd(operationId, operation))
        {
            operation.Dispose();
            await WriteHttpErrorAsync(context, StatusCodes.Status409Conflict, $"An operation with id '{operationId}' is already running.", cancellationToken);
            return;
        }

        _ = RunOnStreamAsync(reservation, operationId, operation, prepared, request, requestContext!);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private async Task RunOnStreamAsync(
        SseReservations.Reservation reservation, string operationId, CancellationTokenSource operation,
        PrepareResult prepared, GraphQLRequest request, RequestContext context)
    {
        await Task.Yield();
        var cancellationToken = operation.Token;
        var writer = reservation.Events.Writer;
        try
        {
            await foreach (var result in RunAsync(prepared, request, context, cancellationToken))
            {
                await writer.WriteAsync(SseStream.Event("next", w =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", operationId);
                    w.WritePropertyName("payload");
                    result.WriteTo(w);
                    w.WriteEndObject();
                }), cancellationToken);
            }

            await writer.WriteAsync(SseStream.Event("complete", w =>
            {
                w.WriteStartObject();
                w.WriteString("id", operationId);
                w.WriteEndObject();
            }), cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            // Stopped by DELETE, or the stream ended.
        }
        catch (Exception e)
        {
            logger.LogError(e, "GraphQL SSE operation {OperationId} failed {TraceId}", operationId, Activity.Current?.TraceId.ToString());
        }
        finally
        {
            reservation.Operations.TryRemove(new KeyValuePair<string, CancellationTokenSource>(operationId, operation));
            operation.Dispose();
        }
    }
}
