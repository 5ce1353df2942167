namespace TaskForge.GraphQL.Persisted;

/// <summary>The errors of the persisted-operation protocols; Apollo's clients react to the first two by message and code.</summary>
internal static class PersistedErrors
{
    public static GraphQLError NotFound() => GraphQLError.WithCode("PersistedQueryNotFound", ErrorCodes.PersistedQueryNotFound);

    public static GraphQLError NotSupported() => GraphQLError.WithCode("PersistedQueryNotSupported", ErrorCodes.PersistedQueryNotSupported);

    public static GraphQLError HashMismatch() => GraphQLError.WithCode("provided sha does not match query", ErrorCodes.BadRequest);

    public static GraphQLError NotTrusted() => GraphQLError.WithCode(
        "This server runs trusted documents only, and this operation is not one of them.", ErrorCodes.PersistedQueryNotTrusted);
}
