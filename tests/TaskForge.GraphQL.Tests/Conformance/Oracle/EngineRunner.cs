using System.Buffers;
using System.Text.Json;
using TaskForge.GraphQL.Tests.Conformance.Support;

namespace TaskForge.GraphQL.Tests.Conformance.Oracle;

/// <summary>
/// Runs one corpus document through our engine and describes the outcome in the shape oracle.mjs prints:
/// <c>syntaxError</c>, or <c>validation</c> errors, or the <c>execution</c> result.
/// </summary>
internal static class EngineRunner
{
    private static readonly Lazy<GraphQLEngine> Engine = new(() => OracleSchema.CreateEngine());

    public static async Task<JsonElement> RunAsync(string document)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Corpus, document));
        var request = new GraphQLRequest(text);
        var sidecar = Path.Combine(RepositoryPaths.Corpus, Path.ChangeExtension(document, ".json"));
        if (File.Exists(sidecar))
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(sidecar));
            var root = json.RootElement;
            request = request with
            {
                OperationName = root.TryGetProperty("operationName", out var name) ? name.GetString() : null,
                Variables = root.TryGetProperty("variables", out var variables)
                    ? (IReadOnlyDictionary<string, object?>?)JsonValues.ToClr(variables)
                    : null,
            };
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("document", document);
            await WriteOutcomeAsync(writer, request);
            writer.WriteEndObject();
        }

        using var outcome = JsonDocument.Parse(buffer.WrittenMemory);
        return outcome.RootElement.Clone();
    }

    private static async Task WriteOutcomeAsync(Utf8JsonWriter writer, GraphQLRequest request)
    {
        var prepared = Engine.Value.Prepare(request);
        if (!prepared.IsSuccess && prepared.Errors[0].Code == ErrorCodes.ParseFailed)
        {
            writer.WritePropertyName("syntaxError");
            WriteError(writer, prepared.Errors[0]);
            return;
        }

        var validationFailed = !prepared.IsSuccess && prepared.Errors.Any(e => e.Code == ErrorCodes.ValidationFailed);
        writer.WriteStartArray("validation");
        foreach (var error in validationFailed ? prepared.Errors! : [])
        {
            WriteError(writer, error);
        }

        writer.WriteEndArray();
        if (validationFailed)
        {
            return;
        }

        if (!prepared.IsSuccess)
        {
            writer.WritePropertyName("execution");
            ExecutionResult.FromErrors(prepared.Errors).WriteTo(writer);
            return;
        }

        if (prepared.Operation.Kind == OperationKind.Subscription)
        {
            writer.WriteString("execution", "skipped: subscription");
            return;
        }

        var result = await Engine.Value.ExecuteAsync(prepared.Operation, request, new RequestContext(), CancellationToken.None);
        writer.WritePropertyName("execution");
        result.WriteTo(writer);
    }

    private static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        writer.WriteStartArray("locations");
        foreach (var location in error.Locations ?? [])
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", location.Line);
            writer.WriteNumber("column", location.Column);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
