using System.Diagnostics;
using System.Security.Cryptography;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Realtime.Support;

/// <summary>
/// Two API nodes as separate processes on this class's database (Wolverine balanced, both competing for the projections'
/// leadership, one signing key), and with <see cref="UsesRedis"/> a real redis-server both use. A test may kill a node;
/// <see cref="EnsureRunningAsync"/> starts again whichever is down.
/// </summary>
public class ApiNodesFixture : PostgresDatabaseFixture
{
    private readonly ApiNodeProcess?[] _nodes = new ApiNodeProcess?[2];
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
    private readonly string _integrityKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private RedisServerFixture? _redis;

    protected virtual bool UsesRedis => false;

    /// <summary>Settings a derived fixture adds (environment variable names, <c>__</c> for <c>:</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public ApiNodeProcess this[int index] => _nodes[index] ?? throw new InvalidOperationException($"Node {index} is not running.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (UsesRedis)
        {
            _redis = new RedisServerFixture();
            await _redis.InitializeAsync();
        }

        // One at a time: the first creates the schema.
        await EnsureRunningAsync();
    }

    public async Task EnsureRunningAsync()
    {
        for (var i = 0; i < _nodes.Length; i++)
        {
            if (_nodes[i] is { HasExited: false })
                continue;
            if (_nodes[i] is { } dead)
                await dead.DisposeAsync();
            _nodes[i] = await ApiNodeProcess.StartAsync(NodeSettings());
        }
    }

    /// <summary>The index of the node leading the projections, once one does (60 s at most).</summary>
    public Task<int> LeaderAsync() =>
        Until.FoundAsync(LeaderNowAsync, "a node to take the projections' leadership", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));

    private async Task<int?> LeaderNowAsync()
    {
        for (var i = 0; i < _nodes.Length; i++)
        {
            if (_nodes[i] is { HasExited: false } node && await node.LeadsProjectionsAsync())
                return i;
        }

        return null;
    }

    public GraphQLClient Client(int node) => new(new HttpClient { BaseAddress = this[node].Address, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>Signs up a new user through node <paramref name="node"/>.</summary>
    public async Task<GraphQLClient> SignUpAsync(int node, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com".ToLowerInvariant();
        var client = Client(node);
        var payload = (await client.MutateAsync("""
            mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id email } errors { code message } } }
            """, new { input = new { email, password = "correct horse battery staple", name } })).Data("register");
        Assert.Equal(0, payload.GetProperty("errors").GetArrayLength());
        client.SignIn(payload.GetProperty("accessToken").GetString()!, payload.GetProperty("user").GetProperty("id").GetString()!, email);
        return client;
    }

    private Dictionary<string, string> NodeSettings()
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__TaskForge"] = ConnectionString,
            ["Auth__SigningKey"] = _signingKey,
            ["Integrity__SigningKey"] = _integrityKey,
            ["TaskForge__SoloNode"] = "false",
            ["GraphQL__ReadYourWritesTimeout"] = "00:00:30",
            ["RateLimits__PermitsPerMinute"] = "100000",
            ["RateLimits__Burst"] = "100000",
            ["RateLimits__AnonymousPermitsPerMinute"] = "100000",
        };
        if (_redis is not null)
            settings["ConnectionStrings__Redis"] = _redis.ConnectionString;
        foreach (var (name, value) in Settings)
            settings[name] = value;
        return settings;
    }

    public override async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (node is not null)
                await node.DisposeAsync();
        }

        if (_redis is not null)
            await _redis.DisposeAsync();
        await base.DisposeAsync();
    }
}
