using TaskForge.GraphQL.Validation.Rules;

namespace TaskForge.GraphQL.Validation;

/// <summary>The rules graphql-js exports as specifiedRules (without @defer/@stream ones), in the same order.</summary>
public static class SpecifiedRules
{
    public static IReadOnlyList<ValidationRule> Create() =>
    [
        new ExecutableDefinitionsRule(),
    ];
}
