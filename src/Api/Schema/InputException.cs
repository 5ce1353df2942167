using TaskForge.GraphQL;

namespace TaskForge.Api.Schema;

/// <summary>Bad input the client can fix: a GraphQL error with code VALIDATION, or a VALIDATION entry of a mutation payload.</summary>
public sealed class InputException(string message, string? field = null)
    : GraphQLException(message, Domain.ErrorCodes.Validation, field is null ? null : new Dictionary<string, object?> { ["field"] = field })
{
    public string? Field { get; } = field;
}
