using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.GraphQL;
using TaskForge.GraphQL.Types;

namespace TaskForge.Api.Tests.GraphQL;

/// <summary>
/// The public schema is reviewed: its printed SDL is checked in (__snapshots__/), and this test fails when the schema
/// changes without the snapshot changing with it. After an intended change, delete the snapshot and run the test to
/// write the new one, then review the diff.
/// </summary>
public sealed class SchemaSnapshotTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public void The_printed_schema_matches_the_reviewed_snapshot()
    {
        var schema = api.Factory.Services.GetRequiredService<GraphQLEngine>().Schema;

        Snapshot.Match(SchemaPrinter.Print(schema));
    }

    [Fact]
    public void Every_domain_command_has_its_mutation()
    {
        var mutations = api.Factory.Services.GetRequiredService<GraphQLEngine>().Schema.Mutation!.Fields.Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var commands = typeof(Domain.Tasks.TaskCommand).Assembly.GetTypes()
            .Where(t => t is { IsSealed: true, IsNested: true } && t.DeclaringType?.Name.EndsWith("Command", StringComparison.Ordinal) == true)
            .Select(t => t.Name)
            .ToList();

        Assert.NotEmpty(commands);
        Assert.All(commands, command => Assert.Contains(command, mutations));
    }
}
