using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Operations;

public sealed partial class GraphiQLTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly Uri GraphQL = new("/graphql", UriKind.Relative);

    [Fact]
    public async Task A_browser_gets_GraphiQL_at_graphql_with_its_script_served_from_the_build_and_no_CDN()
    {
        await using var factory = OperationsHost.Start(database);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, GraphQL);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var page = await client.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var urls = AssetUrl().Matches(html).Select(match => match.Groups["url"].Value).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.StartsWith("/graphiql/", url, StringComparison.Ordinal));
        Assert.DoesNotContain("//", string.Concat(urls), StringComparison.Ordinal);

        var script = ScriptUrl().Match(html).Groups["url"].Value;
        using var asset = await client.GetAsync(new Uri(script, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.Contains("graphiql", await asset.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9")]
    [InlineData("application/json, text/html;q=0.5")]
    public async Task A_GraphQL_client_at_graphql_is_passed_on_to_the_GraphQL_endpoint(string accept)
    {
        await using var factory = OperationsHost.Start(database);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, GraphQL);
        request.Headers.Accept.Clear();
        foreach (var type in accept.Split(','))
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(type.Trim()));

        using var response = await client.SendAsync(request);

        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GraphQL_GraphiQL_false_turns_the_page_off()
    {
        await using var factory = OperationsHost.Start(database, ("GraphQL:GraphiQL", "false"));
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, GraphQL);
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex(@"(?:src|href)=""(?<url>[^""]+)""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AssetUrl();

    [GeneratedRegex(@"<script type=""module""[^>]*src=""(?<url>[^""]+)""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ScriptUrl();
}
