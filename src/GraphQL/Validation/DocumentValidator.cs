using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation;

/// <summary>Runs the specified rules over a document in one walk.</summary>
public static class DocumentValidator
{
    private const int MaxErrors = 100;

    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, IReadOnlyList<ValidationRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        rules ??= SpecifiedRules.Create();
        var errors = new List<GraphQLError>();
        var context = new ValidationContext(schema, document, errors);
        var skipUntil = new SyntaxNode?[rules.Count];
        var aborted = false;
        SyntaxWalker.Walk(
            document,
            node =>
            {
                if (aborted)
                {
                    return false;
                }

                context.TypeInfo.Enter(node);
                for (var i = 0; i < rules.Count; i++)
                {
                    if (skipUntil[i] is null && !rules[i].Enter(context, node))
                    {
                        skipUntil[i] = node;
                    }
                }

                if (errors.Count >= MaxErrors)
                {
                    aborted = true;
                }

                return true;
            },
            node =>
            {
                for (var i = 0; i < rules.Count; i++)
                {
                    if (skipUntil[i] is null)
                    {
                        rules[i].Leave(context, node);
                    }
                    else if (ReferenceEquals(skipUntil[i], node))
                    {
                        skipUntil[i] = null;
                    }
                }

                context.TypeInfo.Leave(node);
            });
        if (errors.Count >= MaxErrors)
        {
            errors.RemoveRange(MaxErrors, errors.Count - MaxErrors);
            errors.Add(GraphQLError.WithCode("Too many validation errors, error limit reached. Validation aborted.", ErrorCodes.ValidationFailed));
        }

        return errors;
    }
}
