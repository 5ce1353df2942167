using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace TaskForge.GraphQL.ServerSentEvents;

/// <summary>
/// An open <c>text/event-stream</c> response: writes <c>next</c> and <c>complete</c> events (one <c>data:</c>
/// line of compact JSON each) and keep-alive comments, one writer at a time.
/// </summary>
internal sealed class SseStream(HttpResponse response)
{
    private static readonly byte[] KeepAlive = ":\n\n"u8.ToArray();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static async Task<SseStream> StartAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(cancellationToken);
        var stream = new SseStream(response);

        // A first comment puts the headers on the wire now: clients wait for them before they send operations.
        await stream.WriteKeepAliveAsync(cancellationToken);
        return stream;
    }

    /// <summary>The bytes of one event: <c>event: name</c>, then <c>data: json</c> (an empty data line for none).</summary>
    public static byte[] Event(string name, Action<Utf8JsonWriter>? writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(Encoding.UTF8.GetBytes("event: " + name + "\ndata: "));
        if (writeData is not null)
        {
            using var writer = new Utf8JsonWriter(buffer);
            writeData(writer);
        }

        buffer.Write("\n\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Next(IncrementalPart part) => Event("next", part.WriteTo);

    public static byte[] Complete() => Event("complete", null);

    public Task WriteKeepAliveAsync(CancellationToken cancellationToken) => WriteAsync(KeepAlive, cancellationToken);

    public async Task WriteAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await response.Body.WriteAsync(message, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes keep-alive comments every <paramref name="interval"/> until cancelled.</summary>
    public async Task KeepAliveAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await WriteKeepAliveAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The stream ended.
        }
    }
}
