using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TaskForge.Bench.Realtime;

/// <summary>The floor: a bare SignalR hub (JSON, WebSockets, no database, no auth) whose clients join a group each.</summary>
public sealed class FloorHub : Hub
{
    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);
}

/// <summary>The floor hub in its own Kestrel on a loopback port, in this process.</summary>
internal sealed class FloorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FloorServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public IHubContext<FloorHub> Hub => _app.Services.GetRequiredService<IHubContext<FloorHub>>();

    public static async Task<FloorServer> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<FloorHub>("/floor");
        await app.StartAsync();
        return new FloorServer(app, new Uri($"http://127.0.0.1:{port}/floor"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
