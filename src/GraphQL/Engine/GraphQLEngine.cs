using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Persisted;
using TaskForge.GraphQL.Protection;
using TaskForge.GraphQL.Types;
using TaskForge.GraphQL.Validation;

namespace TaskForge.GraphQL;

/// <summary>
/// Runs GraphQL requests against a schema in two phases: <see cref="Prepare"/> (parse, validate, pick the
/// operation, check limits; cached by query text) and <see cref="ExecuteAsync(PreparedOperation, GraphQLRequest, RequestContext, CancellationToken)"/>
/// or <see cref="SubscribeAsync"/>. Thread-safe; create one per schema and reuse it.
/// </summary>
public sealed partial class GraphQLEngine
{
    private readonly DocumentCache<PreparedDocument> _documents;
    private readonly PersistedOperationResolver _persisted;
    private readonly ILogger _logger;

    private GraphQLEngine(Schema schema, GraphQLEngineOptions options)
    {
        Schema = schema;
        Options = options;
        _documents = new DocumentCache<PreparedDocument>(options.DocumentCacheSize);
        _logger = options.Logger ?? NullLogger.Instance;
        _persisted = new PersistedOperationResolver(options.PersistedOperations);
    }

    public Schema Schema { get; }

    public GraphQLEngineOptions Options { get; }

    public static GraphQLEngine Create(Schema schema, GraphQLEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new GraphQLEngine(schema, options ?? new GraphQLEngineOptions());
    }

    /// <summary>Parses, validates and picks the operation. Failures carry errors and must be answered without a data key.</summary>
    public PrepareResult Prepare(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resolution = _persisted.Resolve(request);
        if (resolution.Error is not null)
        {
            return PrepareResult.Failure(resolution.Error);
        }

        var query = resolution.Query;
        if (query is null)
        {
            return PrepareResult.Failure(GraphQLError.WithCode("Must provide query string.", ErrorCodes.BadRequest));
        }

        if (query.Length > Options.Parser.MaxDocumentLength)
        {
            return PrepareResult.Failure(GraphQLError.WithCode(
                $"The document is longer than the maximum of {Options.Parser.MaxDocumentLength} characters.", ErrorCodes.DocumentTooLarge));
        }

        var document = _documents.GetOrAdd(query, ParseAndValidate);
        if (document.Errors.Count > 0)
        {
            return PrepareResult.Failure(document.Errors);
        }

        var definition = SelectOperation(document.Document!, request.OperationName, out var selectionError);
        if (definition is null)
        {
            return PrepareResult.Failure(selectionError!);
        }

        var operation = document.GetOperation(definition);
        if (!Options.EnableIntrospection && OperationGuard.UsesIntrospection(operation))
        {
            return PrepareResult.Failure(GraphQLError.WithCode(
                "Introspection is disabled on this server.", ErrorCodes.IntrospectionDisabled,
                [operation.Document.GetLocation(definition.Start)]));
        }

        var limitErrors = OperationGuard.Check(Schema, operation, JsonValues.NormalizeMap(request.Variables), Options);
        if (limitErrors is not null)
        {
            return PrepareResult.Failure(limitErrors);
        }

        if (resolution.RegisterHash is { } hash)
        {
            _persisted.Register(hash, query);
        }

        return PrepareResult.Success(operation);
    }

    /// <summary>Prepares and executes in one call.</summary>
    public ValueTask<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var prepared = Prepare(request);
        return prepared.IsSuccess
            ? ExecuteAsync(prepared.Operation, request, context, cancellationToken)
            : new ValueTask<ExecutionResult>(prepared.ToErrorResult());
    }

    private PreparedDocument ParseAndValidate(string query)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(query, Options.Parser);
        }
        catch (GraphQLSyntaxException exception)
        {
            return new PreparedDocument(null, [exception.ToGraphQLError()]);
        }

        var errors = DocumentValidator.Validate(Schema, document);
        return new PreparedDocument(document, errors);
    }

    private static OperationDefinitionNode? SelectOperation(DocumentNode document, string? operationName, out GraphQLError? error)
    {
        error = null;
        OperationDefinitionNode? selected = null;
        var count = 0;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }

            count++;
            if (string.IsNullOrEmpty(operationName))
            {
                selected ??= operation;
            }
            else if (operation.Name?.Value == operationName)
            {
                selected = operation;
            }
        }

        if (string.IsNullOrEmpty(operationName) && count > 1)
        {
            error = GraphQLError.WithCode("Must provide operation name if query contains multiple operations.", ErrorCodes.OperationNotFound);
            return null;
        }

        if (selected is null)
        {
            error = GraphQLError.WithCode(
                string.IsNullOrEmpty(operationName) ? "Must provide an operation." : $"Unknown operation named \"{operationName}\".",
                ErrorCodes.OperationNotFound);
        }

        return selected;
    }
}
