using TaskForge.GraphQL.Validation.Rules;

namespace TaskForge.GraphQL.Validation;

/// <summary>The rules graphql-js exports as specifiedRules (graphql-js 17's, with its @defer/@stream rules, which apply when the schema has those directives), in the same order.</summary>
public static class SpecifiedRules
{
    public static IReadOnlyList<ValidationRule> Create() =>
    [
        new ExecutableDefinitionsRule(),
        new UniqueOperationNamesRule(),
        new LoneAnonymousOperationRule(),
        new SingleFieldSubscriptionsRule(),
        new KnownTypeNamesRule(),
        new FragmentsOnCompositeTypesRule(),
        new VariablesAreInputTypesRule(),
        new ScalarLeafsRule(),
        new FieldsOnCorrectTypeRule(),
        new UniqueFragmentNamesRule(),
        new KnownFragmentNamesRule(),
        new NoUnusedFragmentsRule(),
        new PossibleFragmentSpreadsRule(),
        new NoFragmentCyclesRule(),
        new UniqueVariableNamesRule(),
        new NoUndefinedVariablesRule(),
        new NoUnusedVariablesRule(),
        new KnownDirectivesRule(),
        new UniqueDirectivesPerLocationRule(),
        new KnownArgumentNamesRule(),
        new UniqueArgumentNamesRule(),
        new ValuesOfCorrectTypeRule(),
        new ProvidedRequiredArgumentsRule(),
        new VariablesInAllowedPositionRule(),
        new OverlappingFieldsCanBeMergedRule(),
        new UniqueInputFieldNamesRule(),
        new DeferStreamDirectiveOnRootFieldRule(),
        new DeferStreamDirectiveOnValidOperationsRule(),
        new DeferStreamDirectiveLabelRule(),
        new StreamDirectiveOnListFieldRule(),
        new MaxIntrospectionDepthRule(),
    ];
}
