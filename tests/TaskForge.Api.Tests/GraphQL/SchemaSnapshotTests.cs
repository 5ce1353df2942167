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

    [Fact]
    public void Every_code_a_payload_error_can_carry_is_a_value_of_ErrorCode()
    {
        var type = Assert.IsType<EnumType>(api.Factory.Services.GetRequiredService<GraphQLEngine>().Schema.Types.Single(t => t.Name == "ErrorCode"));
        var values = type.Values.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var codes = new[] { typeof(Domain.ErrorCodes), typeof(Api.Accounts.AccountErrorCodes) }
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains(code, values));
    }
}
