using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation;

internal static class IncrementalDelivery
{
    /// <summary>The @defer/@stream rules apply to schemas that have those directives.</summary>
    public static bool IsEnabled(Schema schema) => schema.GetDirective("defer") is not null || schema.GetDirective("stream") is not null;
}
