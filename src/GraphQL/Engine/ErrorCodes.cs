namespace TaskForge.GraphQL;

/// <summary>The values the engine writes into <c>extensions.code</c> of the errors it raises itself.</summary>
public static class ErrorCodes
{
    public const string BadRequest = "BAD_REQUEST";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string OperationNotFound = "OPERATION_RESOLUTION_FAILURE";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";
    public const string MaxRootFieldsExceeded = "MAX_ROOT_FIELDS_EXCEEDED";
    public const string ExecutionTimeout = "EXECUTION_TIMEOUT";
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
    public const string PersistedQueryNotTrusted = "PERSISTED_QUERY_NOT_TRUSTED";
}
