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
        SyntaxWalker.Walk(document, new RuleRunner(context, rules, errors));
        if (errors.Count >= MaxErrors)
        {
            errors.RemoveRange(MaxErrors, errors.Count - MaxErrors);
            errors.Add(GraphQLError.WithCode("Too many validation errors, error limit reached. Validation aborted.", ErrorCodes.ValidationFailed));
        }

        return errors;
    }

    /// <summary>Feeds each node to the type info and to every rule not currently skipping a subtree.</summary>
    private sealed class RuleRunner(ValidationContext context, IReadOnlyList<ValidationRule> rules, List<GraphQLError> errors) : ISyntaxVisitor
    {
        private readonly SyntaxNode?[] _skipUntil = new SyntaxNode?[rules.Count];
        private bool _aborted;

        public bool Enter(SyntaxNode node)
        {
            if (_aborted)
            {
                return false;
            }

            context.TypeInfo.Enter(node);
            for (var i = 0; i < rules.Count; i++)
            {
                if (_skipUntil[i] is null && !rules[i].Enter(context, node))
                {
                    _skipUntil[i] = node;
                }
            }

            _aborted = errors.Count >= MaxErrors;
            return true;
        }

        public void Leave(SyntaxNode node)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                if (_skipUntil[i] is null)
                {
                    rules[i].Leave(context, node);
                }
                else if (ReferenceEquals(_skipUntil[i], node))
                {
                    _skipUntil[i] = null;
                }
            }

            context.TypeInfo.Leave(node);
        }
    }
}
