using System.Text;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.GraphQL;

public sealed class ProductionLimitsFixture : ApiHostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["GraphQL:Introspection"] = "false" };
}

/// <summary>The engine's protections with the API's production limits: introspection off, depth, aliases and body size bounded.</summary>
public sealed class ProtectionTests(ProductionLimitsFixture api) : IClassFixture<ProductionLimitsFixture>
{
    [Fact]
    public async Task Introspection_is_refused_when_switched_off_while_ordinary_queries_still_run()
    {
        using var ada = await api.SignUpAsync("ada");

        var introspection = await ada.QueryAsync("{ __schema { types { name } } }");
        var ordinary = await ada.QueryAsync("{ me { email } }");

        Assert.Equal("INTROSPECTION_DISABLED", introspection.ErrorCode());
        Assert.Equal(ada.Email, ordinary.Data("me").GetProperty("email").GetString());
    }

    [Fact]
    public async Task Queries_deeper_than_12_or_with_more_than_30_aliases_are_refused_before_running()
    {
        using var ada = await api.SignUpAsync("ada");
        var deep = "{ workspaces { nodes { projects { nodes { board { columns { tasks { nodes { project { workspace { projects { nodes { board { columns { name } } } } } } } } } } } } } } }";
        var aliases = "{ " + string.Join(" ", Enumerable.Range(0, 31).Select(i => $"a{i}: me {{ id }}")) + " }";

        var tooDeep = await ada.QueryAsync(deep);
        var tooMany = await ada.QueryAsync(aliases);

        Assert.Equal("MAX_DEPTH_EXCEEDED", tooDeep.ErrorCode());
        Assert.Equal("MAX_ALIASES_EXCEEDED", tooMany.ErrorCode());
        Assert.False(tooDeep.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_body_over_256_KiB_gets_413_and_the_server_keeps_serving()
    {
        using var ada = await api.SignUpAsync("ada");
        using var content = new StringContent("{\"query\":\"{ me { id } }\",\"variables\":{\"x\":\"" + new string('x', 300_000) + "\"}}", Encoding.UTF8, "application/json");

        var response = await ada.Http.PostAsync(new Uri("/graphql", UriKind.Relative), content);

        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ada.Email, (await ada.QueryAsync("{ me { email } }")).Data("me").GetProperty("email").GetString());
    }
}
