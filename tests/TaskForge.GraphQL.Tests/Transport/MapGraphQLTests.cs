using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Transport;

/// <summary>The engine-factory overload of MapGraphQL and the endpoint switches.</summary>
public sealed class MapGraphQLTests
{
    [Fact]
    public async Task Engine_factory_builds_the_engine_once_from_the_applications_services()
    {
        var built = 0;
        await using var app = await StartAsync(app => app.MapGraphQL("/graphql", services =>
        {
            Interlocked.Increment(ref built);
            return services.GetRequiredService<GraphQLEngine>();
        }));
        using var client = new HttpClient();

        using var first = await client.PostAsync(Url(app), Json("""{"query":"{ ping }"}"""));
        using var second = await client.PostAsync(Url(app), Json("""{"query":"{ ping }"}"""));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("pong", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, built);
    }

    [Fact]
    public async Task Get_can_be_switched_off()
    {
        await using var app = await StartAsync(app => app.MapGraphQL(
            "/graphql", app.Services.GetRequiredService<GraphQLEngine>(), options => options.Http.AllowGet = false));
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(Url(app) + "?query=%7B%20ping%20%7D"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_ => GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { ping: String }")
            .BindField("Query", "ping", _ => "pong")
            .Build()));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    private static Uri Url(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/graphql");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
