using System.Diagnostics.CodeAnalysis;

namespace TaskForge.GraphQL;

/// <summary>Either a <see cref="PreparedOperation"/> or the request errors that stopped it (no data key).</summary>
public sealed class PrepareResult
{
    private PrepareResult(PreparedOperation? operation, IReadOnlyList<GraphQLError>? errors)
    {
        Operation = operation;
        Errors = errors;
    }

    public PreparedOperation? Operation { get; }

    public IReadOnlyList<GraphQLError>? Errors { get; }

    [MemberNotNullWhen(true, nameof(Operation))]
    [MemberNotNullWhen(false, nameof(Errors))]
    public bool IsSuccess => Operation is not null;

    public static PrepareResult Success(PreparedOperation operation) => new(operation, null);

    public static PrepareResult Failure(IReadOnlyList<GraphQLError> errors) => new(null, errors);

    public static PrepareResult Failure(GraphQLError error) => new(null, [error]);

    /// <summary>The errors as a result without data, ready to be written.</summary>
    public ExecutionResult ToErrorResult() => ExecutionResult.FromErrors(Errors ?? []);
}
